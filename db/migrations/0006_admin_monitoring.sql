CREATE TABLE "connection_health_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ok" boolean NOT NULL,
	"latency_ms" integer NOT NULL,
	"status" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "health_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "health_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "resolution_note" text;--> statement-breakpoint
ALTER TABLE "connection_health_samples" ADD CONSTRAINT "connection_health_samples_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_samples_connection_checked_idx" ON "connection_health_samples" USING btree ("connection_id","checked_at");--> statement-breakpoint
CREATE INDEX "health_samples_provider_checked_idx" ON "connection_health_samples" USING btree ("provider","checked_at");--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD CONSTRAINT "sync_jobs_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_attempts_started_idx" ON "sync_attempts" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "sync_jobs_open_failures_idx" ON "sync_jobs" USING btree ("provider","last_error_class") WHERE "sync_jobs"."status" = 'failed' and "sync_jobs"."resolved_at" is null;