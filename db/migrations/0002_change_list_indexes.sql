CREATE INDEX "changes_updated_idx" ON "changes" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "changes_search_idx" ON "changes" USING gin (to_tsvector('simple', "title" || ' ' || "number"));--> statement-breakpoint
CREATE INDEX "changes_slot_idx" ON "changes" USING gist (tstzrange("planned_start", "planned_end"));