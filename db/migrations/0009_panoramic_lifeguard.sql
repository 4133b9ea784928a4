CREATE TABLE "audit_checkpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"event_id" bigint NOT NULL,
	"event_hash" text NOT NULL,
	"key_id" text NOT NULL,
	"mac" text NOT NULL,
	"reason" text NOT NULL,
	"actor_email" text
);
