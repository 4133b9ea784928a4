CREATE TABLE "gate_checks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gate_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"change_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_email" text NOT NULL,
	"via" text NOT NULL,
	"token_id" uuid,
	"ip" text,
	"user_agent" text,
	"asked_for" timestamp with time zone,
	"allowed" boolean NOT NULL,
	"reason_codes" text[] NOT NULL,
	"reasons" jsonb NOT NULL,
	"change_state" text NOT NULL,
	"change_version" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gate_checks" ADD CONSTRAINT "gate_checks_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gate_checks_caller_idx" ON "gate_checks" USING btree ("change_id","actor_email","id");--> statement-breakpoint
CREATE INDEX "gate_checks_site_idx" ON "gate_checks" USING btree ("site_id","id");--> statement-breakpoint
CREATE INDEX "gate_checks_actor_idx" ON "gate_checks" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "gate_checks_first_at_idx" ON "gate_checks" USING btree ("first_at");