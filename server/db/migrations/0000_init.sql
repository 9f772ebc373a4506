CREATE TABLE "cockpit_org_totals" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"committees" integer DEFAULT 0 NOT NULL,
	"general_branches" integer DEFAULT 0 NOT NULL,
	"branches" integer DEFAULT 0 NOT NULL,
	"groups" integer DEFAULT 0 NOT NULL,
	"full_members" integer DEFAULT 0 NOT NULL,
	"probationary_members" integer DEFAULT 0 NOT NULL,
	"transfers_open" integer DEFAULT 0 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cockpit_own_meetings" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"type" text NOT NULL,
	"counts" integer[] NOT NULL,
	CONSTRAINT "cockpit_own_meetings_org_id_year_type_pk" PRIMARY KEY("org_id","year","type")
);
--> statement-breakpoint
CREATE TABLE "cockpit_rollups" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"m_members_assembly" integer DEFAULT 0 NOT NULL,
	"m_branch_committee" integer DEFAULT 0 NOT NULL,
	"m_group_meeting" integer DEFAULT 0 NOT NULL,
	"m_party_lecture" integer DEFAULT 0 NOT NULL,
	"m_theme_day" integer DEFAULT 0 NOT NULL,
	"m_life_meeting" integer DEFAULT 0 NOT NULL,
	"m_committee_meeting" integer DEFAULT 0 NOT NULL,
	"m_central_group_study" integer DEFAULT 0 NOT NULL,
	"m_heart_talk" integer DEFAULT 0 NOT NULL,
	"first_topics" integer DEFAULT 0 NOT NULL,
	"study_minutes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "cockpit_rollups_org_id_year_month_pk" PRIMARY KEY("org_id","year","month")
);
--> statement-breakpoint
CREATE TABLE "committee_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"duty" text NOT NULL,
	"duty_note" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"elected_on" date NOT NULL,
	"term_years" integer NOT NULL,
	"term_ends_on" date NOT NULL,
	"postponed_to" date,
	"postpone_reason" text,
	"postpone_approved_by" text,
	"postpone_approved_on" date,
	"postpone_doc_no" text,
	"status" text DEFAULT 'current' NOT NULL,
	"ended_on" date,
	"voters_entitled" integer,
	"voters_present" integer,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fivegood_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"ineligible_reason" text,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bonus" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"site_visit" text DEFAULT '' NOT NULL,
	"talks" text DEFAULT '' NOT NULL,
	"satisfaction" real,
	"vetoes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_comment" text DEFAULT '' NOT NULL,
	"proposed_grade" integer,
	"grade" integer,
	"total" real,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fivegood_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"rubric_id" uuid NOT NULL,
	"deadlines" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"publicity_from" date,
	"publicity_to" date,
	"named_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fivegood_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"content" text NOT NULL,
	"received_on" date NOT NULL,
	"resolution" text,
	"upheld" boolean,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fivegood_rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fivegood_rubrics_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "fivegood_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"campaign_id" uuid,
	"kind" text NOT NULL,
	"grade" integer NOT NULL,
	"label" text NOT NULL,
	"previous_grade" integer,
	"reason" text DEFAULT '' NOT NULL,
	"plaque_no" text,
	"plaque_status" text,
	"revoked_on" date,
	"revoked_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fivegood_rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"campaign_id" uuid,
	"item" text NOT NULL,
	"owner" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"close_note" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fivegood_veto_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"condition_key" text NOT NULL,
	"condition_text" text NOT NULL,
	"occurred_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"topic_id" uuid,
	"form" text,
	"summary" text
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text DEFAULT 'expected' NOT NULL,
	"reason" text,
	"signed_in_at" timestamp with time zone,
	"via" text,
	CONSTRAINT "meeting_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"by_user_id" uuid,
	"by_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"host" text NOT NULL,
	"recorder" text NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"minutes" text,
	"voting" boolean DEFAULT false NOT NULL,
	"votes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"counts_as" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"held_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "first_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"published_on" date NOT NULL,
	"material" text,
	"pushed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"topic_id" uuid,
	"measure" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_user_id" uuid,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"result" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"changes" jsonb NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"ethnicity" text NOT NULL,
	"birth_date" date NOT NULL,
	"education" text,
	"id_number_enc" text NOT NULL,
	"id_number_bidx" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"phone_enc" text,
	"phone_bidx" text,
	"phone_masked" text,
	"category" text NOT NULL,
	"joined_on" date NOT NULL,
	"full_member_on" date,
	"position" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"path" text NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"unit_name" text,
	"is_enterprise" boolean DEFAULT false NOT NULL,
	"joint" boolean DEFAULT false NOT NULL,
	"temporary" boolean DEFAULT false NOT NULL,
	"founded_on" date,
	"contact_name" text,
	"contact_phone" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"dissolved_at" timestamp with time zone,
	"dissolved_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"theme" text NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_credit_minutes" integer DEFAULT 30 NOT NULL,
	"topic_id" uuid,
	"status" text DEFAULT 'published' NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_reading_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"material_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_beat_at" timestamp with time zone NOT NULL,
	"credited_seconds" integer DEFAULT 0 NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "study_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"month" integer NOT NULL,
	"theme" text NOT NULL,
	"form" text NOT NULL,
	"title" text NOT NULL,
	"responsible" text,
	"pushed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer,
	"title" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quiz_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"answers" jsonb,
	"correct" integer,
	"total" integer NOT NULL,
	"score" integer
);
--> statement-breakpoint
CREATE TABLE "study_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"stem" text NOT NULL,
	"options" jsonb NOT NULL,
	"answer" jsonb NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"explanation" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_quizzes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"time_limit_minutes" integer NOT NULL,
	"pass_score" integer DEFAULT 60 NOT NULL,
	"question_ids" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_record_attendees" (
	"record_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"via" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "study_record_attendees_record_id_member_id_pk" PRIMARY KEY("record_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "study_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"form" text NOT NULL,
	"title" text NOT NULL,
	"theme" text DEFAULT 'other' NOT NULL,
	"lecturer" text,
	"team_name" text,
	"occurred_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"span" text,
	"meeting_id" uuid,
	"material_id" uuid,
	"reflection" text,
	"checkin_until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"member_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	"from_org_id" uuid,
	"to_org_id" uuid,
	"external_org_name" text,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"dues_paid_until" text,
	"letter_no" text,
	"issued_on" date,
	"valid_until" date,
	"receipt_on" date,
	"receipt_note" text,
	"decision_note" text,
	"created_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_history" (
	"user_id" uuid NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "user_roles_user_id_role_org_id_pk" PRIMARY KEY("user_id","role","org_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"username_norm" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"disabled_reason" text,
	"last_login_at" timestamp with time zone,
	"enabled_at" timestamp with time zone,
	"member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_norm_unique" UNIQUE("username_norm")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"username" text,
	"roles" text,
	"ip" text,
	"action" text NOT NULL,
	"object_type" text,
	"object_id" text,
	"org_id" uuid,
	"org_path" text,
	"result" text NOT NULL,
	"request_id" text,
	"detail" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"username_norm" text PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"last_failed_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"owner_type" text,
	"owner_id" text,
	"original_name" text NOT NULL,
	"ext" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_name" text NOT NULL,
	"label" text DEFAULT 'internal' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_on" text NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL,
	"last_result" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"level" text DEFAULT 'info' NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fivegood_assessments" ADD CONSTRAINT "fivegood_assessments_campaign_id_fivegood_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."fivegood_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fivegood_assessments" ADD CONSTRAINT "fivegood_assessments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fivegood_campaigns" ADD CONSTRAINT "fivegood_campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fivegood_campaigns" ADD CONSTRAINT "fivegood_campaigns_rubric_id_fivegood_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."fivegood_rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fivegood_objections" ADD CONSTRAINT "fivegood_objections_assessment_id_fivegood_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."fivegood_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fivegood_ratings" ADD CONSTRAINT "fivegood_ratings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fivegood_ratings" ADD CONSTRAINT "fivegood_ratings_campaign_id_fivegood_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."fivegood_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fivegood_rectifications" ADD CONSTRAINT "fivegood_rectifications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fivegood_rectifications" ADD CONSTRAINT "fivegood_rectifications_campaign_id_fivegood_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."fivegood_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fivegood_veto_events" ADD CONSTRAINT "fivegood_veto_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_topic_id_first_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."first_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reviews" ADD CONSTRAINT "meeting_reviews_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_topics" ADD CONSTRAINT "first_topics_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_follow_ups" ADD CONSTRAINT "meeting_follow_ups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_follow_ups" ADD CONSTRAINT "meeting_follow_ups_topic_id_first_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."first_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_change_requests" ADD CONSTRAINT "member_change_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_materials" ADD CONSTRAINT "study_materials_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_materials" ADD CONSTRAINT "study_materials_topic_id_first_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."first_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_reading_sessions" ADD CONSTRAINT "study_reading_sessions_material_id_study_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."study_materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_reading_sessions" ADD CONSTRAINT "study_reading_sessions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plan_items" ADD CONSTRAINT "study_plan_items_plan_id_study_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."study_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plans" ADD CONSTRAINT "study_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_quiz_attempts" ADD CONSTRAINT "study_quiz_attempts_quiz_id_study_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."study_quizzes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_quiz_attempts" ADD CONSTRAINT "study_quiz_attempts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_questions" ADD CONSTRAINT "study_questions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_quizzes" ADD CONSTRAINT "study_quizzes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_record_attendees" ADD CONSTRAINT "study_record_attendees_record_id_study_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."study_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_record_attendees" ADD CONSTRAINT "study_record_attendees_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_records" ADD CONSTRAINT "study_records_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_records" ADD CONSTRAINT "study_records_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_records" ADD CONSTRAINT "study_records_material_id_study_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."study_materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_org_id_orgs_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_org_id_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cockpit_own_meetings_year_idx" ON "cockpit_own_meetings" USING btree ("year","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_members_uq" ON "committee_members" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE INDEX "committee_members_member_idx" ON "committee_members" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committees_current_idx" ON "committees" USING btree ("org_id") WHERE "committees"."status" = 'current';--> statement-breakpoint
CREATE INDEX "committees_org_idx" ON "committees" USING btree ("org_id","elected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "fivegood_assessments_campaign_org" ON "fivegood_assessments" USING btree ("campaign_id","org_id");--> statement-breakpoint
CREATE INDEX "fivegood_assessments_org" ON "fivegood_assessments" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fivegood_campaigns_org_year" ON "fivegood_campaigns" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "fivegood_ratings_org" ON "fivegood_ratings" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "fivegood_rectifications_org" ON "fivegood_rectifications" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "meeting_agenda_meeting_idx" ON "meeting_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_agenda_topic_idx" ON "meeting_agenda_items" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_member_idx" ON "meeting_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "meeting_reviews_meeting_idx" ON "meeting_reviews" USING btree ("meeting_id","at");--> statement-breakpoint
CREATE INDEX "meetings_org_idx" ON "meetings" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_type_idx" ON "meetings" USING btree ("type","starts_at");--> statement-breakpoint
CREATE INDEX "first_topics_org_idx" ON "first_topics" USING btree ("org_id","published_on");--> statement-breakpoint
CREATE INDEX "meeting_follow_ups_org_idx" ON "meeting_follow_ups" USING btree ("org_id","deadline");--> statement-breakpoint
CREATE INDEX "meeting_follow_ups_meeting_idx" ON "meeting_follow_ups" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "member_change_requests_member_idx" ON "member_change_requests" USING btree ("member_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_bidx" ON "members" USING btree ("id_number_bidx");--> statement-breakpoint
CREATE INDEX "members_org_idx" ON "members" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "members_phone_bidx" ON "members" USING btree ("phone_bidx");--> statement-breakpoint
CREATE INDEX "orgs_path_idx" ON "orgs" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "orgs_parent_idx" ON "orgs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "study_materials_org_idx" ON "study_materials" USING btree ("org_id","published_at");--> statement-breakpoint
CREATE INDEX "study_reading_member_idx" ON "study_reading_sessions" USING btree ("member_id","started_at");--> statement-breakpoint
CREATE INDEX "study_reading_material_idx" ON "study_reading_sessions" USING btree ("material_id");--> statement-breakpoint
CREATE INDEX "study_plan_items_plan_idx" ON "study_plan_items" USING btree ("plan_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "study_plans_uq" ON "study_plans" USING btree ("org_id","year",coalesce("quarter", 0));--> statement-breakpoint
CREATE INDEX "study_attempts_quiz_idx" ON "study_quiz_attempts" USING btree ("quiz_id","member_id");--> statement-breakpoint
CREATE INDEX "study_attempts_member_idx" ON "study_quiz_attempts" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "study_questions_org_idx" ON "study_questions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "study_quizzes_org_idx" ON "study_quizzes" USING btree ("org_id","opens_at");--> statement-breakpoint
CREATE INDEX "study_attendees_member_idx" ON "study_record_attendees" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "study_records_org_idx" ON "study_records" USING btree ("org_id","occurred_on");--> statement-breakpoint
CREATE INDEX "study_records_meeting_idx" ON "study_records" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_open_idx" ON "transfers" USING btree ("member_id") WHERE "transfers"."status" in ('pending', 'letter_issued');--> statement-breakpoint
CREATE INDEX "transfers_member_idx" ON "transfers" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "transfers_from_idx" ON "transfers" USING btree ("from_org_id","status");--> statement-breakpoint
CREATE INDEX "transfers_to_idx" ON "transfers" USING btree ("to_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_letter_no_idx" ON "transfers" USING btree ("letter_no") WHERE "transfers"."kind" = 'out';--> statement-breakpoint
CREATE INDEX "password_history_user_idx" ON "password_history" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "user_roles_org_idx" ON "user_roles" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_object_idx" ON "audit_log" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "files_org_idx" ON "files" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_idx" ON "notifications" USING btree ("user_id","dedupe_key");