DROP INDEX "changes_search_idx";--> statement-breakpoint
DROP INDEX "changes_slot_idx";--> statement-breakpoint
ALTER TABLE "changes" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', "title" || ' ' || "number")) STORED;--> statement-breakpoint
CREATE INDEX "changes_search_gin" ON "changes" USING gin ("search");--> statement-breakpoint
CREATE INDEX "changes_slot_gist" ON "changes" USING gist (tstzrange("planned_start", "planned_end")) WHERE "changes"."planned_start" is not null and "changes"."planned_end" is not null;