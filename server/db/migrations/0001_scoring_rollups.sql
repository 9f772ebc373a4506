CREATE TABLE "meeting_held_months" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"type" text NOT NULL,
	"counts_as" jsonb NOT NULL,
	"counts" integer[] NOT NULL,
	CONSTRAINT "meeting_held_months_org_id_year_type_counts_as_pk" PRIMARY KEY("org_id","year","type","counts_as")
);
--> statement-breakpoint
CREATE TABLE "topic_relay_counts" (
	"year" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"topic_org_id" uuid NOT NULL,
	"pushed_year" integer NOT NULL,
	"topics" integer NOT NULL,
	CONSTRAINT "topic_relay_counts_year_org_id_topic_org_id_pushed_year_pk" PRIMARY KEY("year","org_id","topic_org_id","pushed_year")
);
--> statement-breakpoint
CREATE TABLE "topic_relays" (
	"year" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "topic_relays_year_org_id_topic_id_pk" PRIMARY KEY("year","org_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "study_member_minutes" (
	"year" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"form" text NOT NULL,
	"span" text NOT NULL,
	"minutes" integer NOT NULL,
	"times" integer NOT NULL,
	CONSTRAINT "study_member_minutes_year_member_id_form_span_minutes_pk" PRIMARY KEY("year","member_id","form","span","minutes")
);
