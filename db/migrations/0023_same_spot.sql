CREATE TABLE "temporary_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"change_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"from_until" timestamp with time zone NOT NULL,
	"to_until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"required" text[] NOT NULL,
	"content_hash" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "signoffs" DROP CONSTRAINT "signoffs_one_subject";--> statement-breakpoint
ALTER TABLE "changes" ADD COLUMN "extended_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signoffs" ADD COLUMN "extension_id" uuid;--> statement-breakpoint
ALTER TABLE "temporary_extensions" ADD CONSTRAINT "temporary_extensions_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temporary_extensions" ADD CONSTRAINT "temporary_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "temporary_extensions_change_idx" ON "temporary_extensions" USING btree ("change_id","requested_at");--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_extension_id_temporary_extensions_id_fk" FOREIGN KEY ("extension_id") REFERENCES "public"."temporary_extensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signoffs_extension_idx" ON "signoffs" USING btree ("extension_id");--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_one_subject" CHECK (num_nonnulls("signoffs"."change_id", "signoffs"."model_version_id", "signoffs"."extension_id") = 1);