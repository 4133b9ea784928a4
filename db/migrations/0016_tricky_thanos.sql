ALTER TABLE "changes" ADD COLUMN "temporary_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "changes" ADD COLUMN "reverts_change_id" uuid;--> statement-breakpoint
CREATE INDEX "changes_temporary_idx" ON "changes" USING btree ("temporary_until") WHERE "changes"."temporary_until" is not null;--> statement-breakpoint
CREATE INDEX "changes_reverts_idx" ON "changes" USING btree ("reverts_change_id") WHERE "changes"."reverts_change_id" is not null;