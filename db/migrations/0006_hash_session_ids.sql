-- Session ids are stored as the SHA-256 (hex) of the secret the cookie carries. Existing rows are
-- converted in place, so sessions open at the upgrade stay valid.
UPDATE "sessions" SET "id" = encode(sha256(convert_to("id", 'UTF8')), 'hex') WHERE "id" LIKE 'ses\_%';
