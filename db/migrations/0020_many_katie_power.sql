CREATE TABLE "signoff_slot_sets" (
	"change_id" uuid PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signoff_slots" (
	"change_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"role" text NOT NULL,
	"site_id" uuid,
	"grant_keys" text[] NOT NULL,
	"blocked_ids" uuid[] NOT NULL,
	"retrospective" boolean NOT NULL,
	CONSTRAINT "signoff_slots_change_id_ordinal_pk" PRIMARY KEY("change_id","ordinal")
);
--> statement-breakpoint
ALTER TABLE "signoff_slot_sets" ADD CONSTRAINT "signoff_slot_sets_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_slots" ADD CONSTRAINT "signoff_slots_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_slots" ADD CONSTRAINT "signoff_slots_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signoff_slots_keys_gin" ON "signoff_slots" USING gin ("grant_keys");