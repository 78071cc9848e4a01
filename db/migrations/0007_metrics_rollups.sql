CREATE TABLE "metrics_hourly" (
	"bucket" timestamp with time zone NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"currency" text DEFAULT '' NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	"synced" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"health_samples" integer DEFAULT 0 NOT NULL,
	"health_online" integer DEFAULT 0 NOT NULL,
	"webhooks_total" integer DEFAULT 0 NOT NULL,
	"webhooks_processed" integer DEFAULT 0 NOT NULL,
	"webhooks_failed" integer DEFAULT 0 NOT NULL,
	"polled" integer DEFAULT 0 NOT NULL,
	"polls_succeeded" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metrics_hourly_bucket_provider_currency_pk" PRIMARY KEY("bucket","provider","currency")
);
--> statement-breakpoint
CREATE TABLE "metrics_latency_hourly" (
	"bucket" timestamp with time zone NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"bin" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "metrics_latency_hourly_bucket_provider_bin_pk" PRIMARY KEY("bucket","provider","bin")
);
--> statement-breakpoint
CREATE TABLE "metrics_rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"rolled_until" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
