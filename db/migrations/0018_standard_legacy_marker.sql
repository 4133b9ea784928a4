-- Custom SQL migration file, put your code below! --
-- Standard changes from before the catalog named no model: they stay readable as they were,
-- marked legacy, and are never checked against a model.
UPDATE "changes" SET "standard_legacy" = true WHERE "class" = 'standard';
