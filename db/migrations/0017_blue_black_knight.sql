CREATE TABLE "standard_model_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"change_types" text[] NOT NULL,
	"asset_kinds" text[] NOT NULL,
	"criticalities" text[] NOT NULL,
	"max_downtime_minutes" integer NOT NULL,
	"requires_test_bench" boolean DEFAULT false NOT NULL,
	"requires_vendor_qualified" boolean DEFAULT false NOT NULL,
	"test_evidence" text DEFAULT '' NOT NULL,
	"implementation_plan_template" text NOT NULL,
	"backout_plan_template" text NOT NULL,
	"content_hash" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"proposed_by" uuid NOT NULL,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "standard_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" uuid,
	"retired_reason" text
);
--> statement-breakpoint
ALTER TABLE "signoffs" ALTER COLUMN "change_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "changes" ADD COLUMN "standard_model_version_id" uuid;--> statement-breakpoint
ALTER TABLE "changes" ADD COLUMN "standard_legacy" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "signoffs" ADD COLUMN "model_version_id" uuid;--> statement-breakpoint
ALTER TABLE "standard_model_versions" ADD CONSTRAINT "standard_model_versions_model_id_standard_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."standard_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_model_versions" ADD CONSTRAINT "standard_model_versions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_models" ADD CONSTRAINT "standard_models_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_models" ADD CONSTRAINT "standard_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_models" ADD CONSTRAINT "standard_models_retired_by_users_id_fk" FOREIGN KEY ("retired_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "standard_model_versions_uq" ON "standard_model_versions" USING btree ("model_id","version");--> statement-breakpoint
CREATE INDEX "standard_model_versions_state_idx" ON "standard_model_versions" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "standard_models_site_code_uq" ON "standard_models" USING btree ("site_id","code");--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_standard_model_version_id_standard_model_versions_id_fk" FOREIGN KEY ("standard_model_version_id") REFERENCES "public"."standard_model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_model_version_id_standard_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."standard_model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signoffs_model_version_idx" ON "signoffs" USING btree ("model_version_id");--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_one_subject" CHECK (num_nonnulls("signoffs"."change_id", "signoffs"."model_version_id") = 1);