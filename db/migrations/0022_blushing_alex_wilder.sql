ALTER TABLE "reauth_requests" ALTER COLUMN "change_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reauth_requests" ADD COLUMN "model_id" uuid;--> statement-breakpoint
ALTER TABLE "reauth_requests" ADD CONSTRAINT "reauth_requests_model_id_standard_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."standard_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reauth_requests" ADD CONSTRAINT "reauth_requests_one_target_ck" CHECK (("reauth_requests"."change_id" is null) <> ("reauth_requests"."model_id" is null));