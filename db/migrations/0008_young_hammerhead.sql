CREATE TABLE "advisories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_id" text NOT NULL,
	"revision" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"tlp" text,
	"initial_release_date" timestamp with time zone,
	"current_release_date" timestamp with time zone,
	"cve_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"vendors" text[] DEFAULT '{}'::text[] NOT NULL,
	"facts" jsonb NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advisory_changes" (
	"advisory_id" uuid NOT NULL,
	"change_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advisory_changes_advisory_id_change_id_pk" PRIMARY KEY("advisory_id","change_id")
);
--> statement-breakpoint
CREATE TABLE "advisory_match_decisions" (
	"advisory_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advisory_match_decisions_advisory_id_asset_id_pk" PRIMARY KEY("advisory_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "advisory_plan_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advisory_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"previous_target_date" timestamp with time zone NOT NULL,
	"new_target_date" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"signer_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"meaning" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advisory_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advisory_id" uuid NOT NULL,
	"revision" text NOT NULL,
	"current_release_date" timestamp with time zone,
	"facts" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	"delta" jsonb,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" uuid
);
--> statement-breakpoint
CREATE TABLE "advisory_site_reviews" (
	"advisory_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"applicable" boolean,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"plan_actions" text,
	"plan_target_date" timestamp with time zone,
	"plan_approver_id" uuid,
	"plan_recorded_by" uuid,
	"plan_recorded_at" timestamp with time zone,
	CONSTRAINT "advisory_site_reviews_advisory_id_site_id_pk" PRIMARY KEY("advisory_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "change_integrity_checks" (
	"change_id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"method" text NOT NULL,
	"computed_sha256" text,
	"published_sha256" text,
	"signature_valid" boolean,
	"signature_detail" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kev_catalogs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalog_version" text NOT NULL,
	"date_released" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" uuid,
	CONSTRAINT "kev_catalogs_catalogVersion_unique" UNIQUE("catalog_version")
);
--> statement-breakpoint
CREATE TABLE "kev_entries" (
	"cve" text PRIMARY KEY NOT NULL,
	"vendor_project" text NOT NULL,
	"product" text NOT NULL,
	"vulnerability_name" text NOT NULL,
	"date_added" text NOT NULL,
	"due_date" text NOT NULL,
	"required_action" text NOT NULL,
	"known_ransomware_campaign_use" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"catalog_version" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advisories" ADD CONSTRAINT "advisories_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_changes" ADD CONSTRAINT "advisory_changes_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_changes" ADD CONSTRAINT "advisory_changes_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_changes" ADD CONSTRAINT "advisory_changes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_match_decisions" ADD CONSTRAINT "advisory_match_decisions_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_match_decisions" ADD CONSTRAINT "advisory_match_decisions_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_match_decisions" ADD CONSTRAINT "advisory_match_decisions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_match_decisions" ADD CONSTRAINT "advisory_match_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_plan_extensions" ADD CONSTRAINT "advisory_plan_extensions_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_plan_extensions" ADD CONSTRAINT "advisory_plan_extensions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_plan_extensions" ADD CONSTRAINT "advisory_plan_extensions_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_revisions" ADD CONSTRAINT "advisory_revisions_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_revisions" ADD CONSTRAINT "advisory_revisions_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_site_reviews" ADD CONSTRAINT "advisory_site_reviews_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_site_reviews" ADD CONSTRAINT "advisory_site_reviews_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_site_reviews" ADD CONSTRAINT "advisory_site_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_site_reviews" ADD CONSTRAINT "advisory_site_reviews_plan_approver_id_users_id_fk" FOREIGN KEY ("plan_approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_site_reviews" ADD CONSTRAINT "advisory_site_reviews_plan_recorded_by_users_id_fk" FOREIGN KEY ("plan_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_integrity_checks" ADD CONSTRAINT "change_integrity_checks_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_integrity_checks" ADD CONSTRAINT "change_integrity_checks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kev_catalogs" ADD CONSTRAINT "kev_catalogs_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advisories_tracking_uq" ON "advisories" USING btree ("tracking_id");--> statement-breakpoint
CREATE INDEX "advisories_cves_gin" ON "advisories" USING gin ("cve_ids");--> statement-breakpoint
CREATE INDEX "advisories_imported_idx" ON "advisories" USING btree ("imported_at");--> statement-breakpoint
CREATE INDEX "advisory_changes_change_idx" ON "advisory_changes" USING btree ("change_id");--> statement-breakpoint
CREATE INDEX "advisory_match_decisions_asset_idx" ON "advisory_match_decisions" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "advisory_plan_extensions_idx" ON "advisory_plan_extensions" USING btree ("advisory_id","site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advisory_revisions_uq" ON "advisory_revisions" USING btree ("advisory_id","revision");--> statement-breakpoint
CREATE INDEX "advisory_site_reviews_site_idx" ON "advisory_site_reviews" USING btree ("site_id");