ALTER TABLE "changes" ADD COLUMN "scope_editor_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "signoffs" ADD COLUMN "scope_hash" text;--> statement-breakpoint
ALTER TABLE "signoffs" ADD COLUMN "hash_version" integer DEFAULT 1 NOT NULL;