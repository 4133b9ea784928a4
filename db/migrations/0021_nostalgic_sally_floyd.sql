CREATE TABLE "signing_delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegator_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"role" text NOT NULL,
	"start_date" text NOT NULL,
	"end_date" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
ALTER TABLE "signoffs" ADD COLUMN "on_behalf_of_id" uuid;--> statement-breakpoint
ALTER TABLE "signoffs" ADD COLUMN "on_behalf_of_name" text;--> statement-breakpoint
ALTER TABLE "signoffs" ADD COLUMN "delegation_id" uuid;--> statement-breakpoint
ALTER TABLE "signing_delegations" ADD CONSTRAINT "signing_delegations_delegator_id_users_id_fk" FOREIGN KEY ("delegator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_delegations" ADD CONSTRAINT "signing_delegations_delegate_id_users_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_delegations" ADD CONSTRAINT "signing_delegations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_delegations" ADD CONSTRAINT "signing_delegations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_delegations" ADD CONSTRAINT "signing_delegations_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signing_delegations_delegate_idx" ON "signing_delegations" USING btree ("delegate_id","ends_at");--> statement-breakpoint
CREATE INDEX "signing_delegations_site_idx" ON "signing_delegations" USING btree ("site_id","role","ends_at");--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_on_behalf_of_id_users_id_fk" FOREIGN KEY ("on_behalf_of_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_delegation_id_signing_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."signing_delegations"("id") ON DELETE no action ON UPDATE no action;