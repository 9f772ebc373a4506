-- Roll-ups defined once: the triggers and functions that used to be re-applied at every start from server/db/sql
-- (audit guard, 驾驶舱 roll-ups, 五个好 scoring roll-ups) now live here, with "a meeting counts as held" as one function,
-- study minutes credited to the attendee's org, 第一议题 counted at agenda item 1 only, and the full recomputations
-- (cockpit_rebuild, scoring_rebuild). Idempotent (CREATE OR REPLACE, DROP … IF EXISTS): it applies over an install
-- that still has the objects from the old start-up step. Later changes go in new migrations (CREATE OR REPLACE).
-- The audit log is append-only for the application. Only the retention purge (which sets
-- liangqi.audit_purge_before inside its own transaction) may delete rows, and only rows older than that.
CREATE OR REPLACE FUNCTION liangqi_audit_guard() RETURNS trigger AS $$
DECLARE
  purge_before text := current_setting('liangqi.audit_purge_before', true);
BEGIN
  IF TG_OP = 'DELETE' AND purge_before IS NOT NULL AND purge_before <> ''
     AND OLD.at < purge_before::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (%)', TG_OP USING ERRCODE = '42501';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION liangqi_audit_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION liangqi_audit_guard();
--> statement-breakpoint
-- "A meeting counts as held": the one SQL definition; server/modules/meeting/meeting.rules.ts (HELD_STATUSES) is the
-- TypeScript one. Planned and cancelled meetings do not count; a held record counts whatever its review state.
CREATE OR REPLACE FUNCTION meeting_counts_as_held(p_status text) RETURNS boolean AS $$
  SELECT p_status IN ('held', 'submitted', 'returned', 'approved')
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- 驾驶舱 roll-ups (server/modules/cockpit): maintained in the writing transaction by these triggers, so every write
-- path (services, imports, seeds, bulk SQL) keeps them right. Each org's rows include its whole subtree: a change
-- bumps the org and every ancestor on its materialized path. `set liangqi.cockpit_rollup = 'off'` skips them for a
-- bulk load that calls cockpit_rebuild() afterwards. Study minutes belong to the attendee: they count in the attendee's
-- own org and its ancestors (domain.md §6), and move with the member. A 第一议题 counts only as agenda item 1 (§5.2).

CREATE OR REPLACE FUNCTION cockpit_enabled() RETURNS boolean AS $$
  SELECT coalesce(current_setting('liangqi.cockpit_rollup', true), '') <> 'off'
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- The org ids of a materialized path "/<root>/…/<org>/", root first.
CREATE OR REPLACE FUNCTION cockpit_chain(p_path text) RETURNS uuid[] AS $$
  SELECT string_to_array(trim(both '/' from p_path), '/')::uuid[]
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_org_chain(p_org uuid) RETURNS uuid[] AS $$
  SELECT cockpit_chain(path) FROM orgs WHERE id = p_org
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- Calendar year and month in China Standard Time.
CREATE OR REPLACE FUNCTION cockpit_cst(p_at timestamptz) RETURNS timestamp AS $$
  SELECT (p_at AT TIME ZONE 'UTC') + interval '8 hours'
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- Adds to the month row and the year row (month 0) of every org in p_chain.
CREATE OR REPLACE FUNCTION cockpit_bump(p_chain uuid[], p_year int, p_month int, p_type text, p_meetings int, p_topics int,
  p_minutes bigint) RETURNS void AS $$
BEGIN
  IF p_chain IS NULL OR (p_meetings = 0 AND p_topics = 0 AND p_minutes = 0) THEN
    RETURN;
  END IF;
  INSERT INTO cockpit_rollups AS r (org_id, year, month, m_members_assembly, m_branch_committee, m_group_meeting,
    m_party_lecture, m_theme_day, m_life_meeting, m_committee_meeting, m_central_group_study, m_heart_talk, first_topics,
    study_minutes)
  SELECT a, p_year, mo,
    CASE WHEN p_type = 'members_assembly' THEN p_meetings ELSE 0 END,
    CASE WHEN p_type = 'branch_committee' THEN p_meetings ELSE 0 END,
    CASE WHEN p_type = 'group_meeting' THEN p_meetings ELSE 0 END,
    CASE WHEN p_type = 'party_lecture' THEN p_meetings ELSE 0 END,
    CASE WHEN p_type = 'theme_day' THEN p_meetings ELSE 0 END,
    CASE WHEN p_type = 'life_meeting' THEN p_meetings ELSE 0 END,
    CASE WHEN p_type = 'committee_meeting' THEN p_meetings ELSE 0 END,
    CASE WHEN p_type = 'central_group_study' THEN p_meetings ELSE 0 END,
    CASE WHEN p_type = 'heart_talk' THEN p_meetings ELSE 0 END,
    p_topics, p_minutes
  FROM unnest(p_chain) AS a, (VALUES (0), (p_month)) AS mm(mo)
  ORDER BY a, mo
  ON CONFLICT (org_id, year, month) DO UPDATE SET
    m_members_assembly = r.m_members_assembly + excluded.m_members_assembly,
    m_branch_committee = r.m_branch_committee + excluded.m_branch_committee,
    m_group_meeting = r.m_group_meeting + excluded.m_group_meeting,
    m_party_lecture = r.m_party_lecture + excluded.m_party_lecture,
    m_theme_day = r.m_theme_day + excluded.m_theme_day,
    m_life_meeting = r.m_life_meeting + excluded.m_life_meeting,
    m_committee_meeting = r.m_committee_meeting + excluded.m_committee_meeting,
    m_central_group_study = r.m_central_group_study + excluded.m_central_group_study,
    m_heart_talk = r.m_heart_talk + excluded.m_heart_talk,
    first_topics = r.first_topics + excluded.first_topics,
    study_minutes = r.study_minutes + excluded.study_minutes;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The org's own 三会一课 per month (the compliance rate is evaluated from these).
CREATE OR REPLACE FUNCTION cockpit_own_bump(p_org uuid, p_year int, p_month int, p_type text, p_delta int) RETURNS void AS $$
BEGIN
  IF p_type NOT IN ('members_assembly', 'branch_committee', 'group_meeting', 'party_lecture') THEN
    RETURN;
  END IF;
  INSERT INTO cockpit_own_meetings (org_id, year, type, counts) VALUES (p_org, p_year, p_type, array_fill(0, ARRAY[12]))
  ON CONFLICT (org_id, year, type) DO NOTHING;
  UPDATE cockpit_own_meetings SET counts[p_month] = counts[p_month] + p_delta
  WHERE org_id = p_org AND year = p_year AND type = p_type;
  PERFORM cockpit_touch(cockpit_org_chain(p_org));
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_totals_bump(p_chain uuid[], p_committees int, p_general int, p_branches int, p_groups int,
  p_full int, p_probationary int, p_transfers int) RETURNS void AS $$
BEGIN
  IF p_chain IS NULL OR (p_committees = 0 AND p_general = 0 AND p_branches = 0 AND p_groups = 0 AND p_full = 0
    AND p_probationary = 0 AND p_transfers = 0) THEN
    RETURN;
  END IF;
  INSERT INTO cockpit_org_totals AS t (org_id, committees, general_branches, branches, groups, full_members,
    probationary_members, transfers_open)
  SELECT a, p_committees, p_general, p_branches, p_groups, p_full, p_probationary, p_transfers
  FROM unnest(p_chain) AS a ORDER BY a
  ON CONFLICT (org_id) DO UPDATE SET
    committees = t.committees + excluded.committees,
    general_branches = t.general_branches + excluded.general_branches,
    branches = t.branches + excluded.branches,
    groups = t.groups + excluded.groups,
    full_members = t.full_members + excluded.full_members,
    probationary_members = t.probationary_members + excluded.probationary_members,
    transfers_open = t.transfers_open + excluded.transfers_open,
    version = t.version + 1;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Marks the subtree totals of every org in p_chain as changed (the cached 三会一课 rates of those orgs are stale).
CREATE OR REPLACE FUNCTION cockpit_touch(p_chain uuid[]) RETURNS void AS $$
BEGIN
  INSERT INTO cockpit_org_totals AS t (org_id, version) SELECT a, 1 FROM unnest(p_chain) AS a ORDER BY a
  ON CONFLICT (org_id) DO UPDATE SET version = t.version + 1;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A held meeting's contribution (p_sign = 1 add, -1 remove): the meeting, its 第一议题 items, and the own count.
CREATE OR REPLACE FUNCTION cockpit_meeting_apply(m meetings, p_sign int) RETURNS void AS $$
DECLARE
  ts timestamp := cockpit_cst(m.starts_at);
  y int := extract(year FROM ts)::int;
  mo int := extract(month FROM ts)::int;
  topics int;
BEGIN
  IF NOT meeting_counts_as_held(m.status) THEN
    RETURN;
  END IF;
  SELECT count(*) INTO topics FROM meeting_agenda_items WHERE meeting_id = m.id AND kind = 'first_topic' AND position = 1;
  PERFORM cockpit_bump(cockpit_org_chain(m.org_id), y, mo, m.type, p_sign, p_sign * topics, 0);
  PERFORM cockpit_own_bump(m.org_id, y, mo, m.type, p_sign);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_meetings_trg() RETURNS trigger AS $$
BEGIN
  IF NOT cockpit_enabled() THEN
    RETURN NULL;
  END IF;
  -- BEFORE DELETE: the agenda is still there (the cascade removes it after the row)
  IF TG_OP = 'DELETE' THEN
    PERFORM cockpit_meeting_apply(OLD, -1);
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.org_id = NEW.org_id AND OLD.type = NEW.type AND OLD.starts_at = NEW.starts_at
       AND meeting_counts_as_held(OLD.status) = meeting_counts_as_held(NEW.status) THEN
      RETURN NULL;
    END IF;
    PERFORM cockpit_meeting_apply(OLD, -1);
  END IF;
  PERFORM cockpit_meeting_apply(NEW, 1);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_meetings_write ON meetings;
--> statement-breakpoint
CREATE TRIGGER cockpit_meetings_write AFTER INSERT OR UPDATE ON meetings
  FOR EACH ROW EXECUTE FUNCTION cockpit_meetings_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_meetings_delete ON meetings;
--> statement-breakpoint
CREATE TRIGGER cockpit_meetings_delete BEFORE DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION cockpit_meetings_trg();
--> statement-breakpoint
-- A 第一议题 agenda item (item 1 only) of a held meeting (a meeting being deleted has already removed its items).
CREATE OR REPLACE FUNCTION cockpit_agenda_apply(p_meeting uuid, p_kind text, p_sign int) RETURNS void AS $$
DECLARE
  m meetings;
  ts timestamp;
BEGIN
  IF p_kind <> 'first_topic' THEN
    RETURN;
  END IF;
  SELECT * INTO m FROM meetings WHERE id = p_meeting;
  IF NOT FOUND OR NOT meeting_counts_as_held(m.status) THEN
    RETURN;
  END IF;
  ts := cockpit_cst(m.starts_at);
  PERFORM cockpit_bump(cockpit_org_chain(m.org_id), extract(year FROM ts)::int, extract(month FROM ts)::int, m.type, 0, p_sign, 0);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_agenda_trg() RETURNS trigger AS $$
BEGIN
  IF NOT cockpit_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.position = 1 THEN
    PERFORM cockpit_agenda_apply(OLD.meeting_id, OLD.kind, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.position = 1 THEN
    PERFORM cockpit_agenda_apply(NEW.meeting_id, NEW.kind, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_agenda_write ON meeting_agenda_items;
--> statement-breakpoint
CREATE TRIGGER cockpit_agenda_write AFTER INSERT OR UPDATE OR DELETE ON meeting_agenda_items
  FOR EACH ROW EXECUTE FUNCTION cockpit_agenda_trg();
--> statement-breakpoint
-- Study: the record's minutes for each attendee, in the attendee's own org (and its ancestors) and the record's month.
CREATE OR REPLACE FUNCTION cockpit_study_record_apply(r study_records, p_sign int) RETURNS void AS $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT mb.org_id, count(*)::bigint AS n
    FROM study_record_attendees a JOIN members mb ON mb.id = a.member_id
    WHERE a.record_id = r.id GROUP BY mb.org_id ORDER BY mb.org_id
  LOOP
    PERFORM cockpit_bump(cockpit_org_chain(g.org_id), extract(year FROM r.occurred_on)::int,
      extract(month FROM r.occurred_on)::int, NULL, 0, 0, r.minutes::bigint * g.n * p_sign);
  END LOOP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_study_records_trg() RETURNS trigger AS $$
BEGIN
  IF NOT cockpit_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM cockpit_study_record_apply(OLD, -1);
    RETURN OLD;
  END IF;
  -- UPDATE (an INSERT has no attendees yet: they bump as they are added); the record's org does not matter
  IF OLD.minutes = NEW.minutes AND OLD.occurred_on = NEW.occurred_on THEN
    RETURN NULL;
  END IF;
  PERFORM cockpit_study_record_apply(OLD, -1);
  PERFORM cockpit_study_record_apply(NEW, 1);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_study_records_write ON study_records;
--> statement-breakpoint
CREATE TRIGGER cockpit_study_records_write AFTER UPDATE ON study_records
  FOR EACH ROW EXECUTE FUNCTION cockpit_study_records_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_study_records_delete ON study_records;
--> statement-breakpoint
CREATE TRIGGER cockpit_study_records_delete BEFORE DELETE ON study_records
  FOR EACH ROW EXECUTE FUNCTION cockpit_study_records_trg();
--> statement-breakpoint
-- Attendees are written many per statement (a roster, an import): statement triggers add them up per record and
-- attendee's org first.
CREATE OR REPLACE FUNCTION cockpit_study_attendees_trg() RETURNS trigger AS $$
DECLARE
  changed jsonb := '[]';
  g record;
BEGIN
  IF NOT cockpit_enabled() THEN
    RETURN NULL;
  END IF;
  -- a transition table exists only for the events it was declared for
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    changed := changed || coalesce((SELECT jsonb_agg(jsonb_build_object('r', record_id, 'o', org_id, 's', n))
      FROM (SELECT x.record_id, mb.org_id, count(*) AS n FROM new_rows x JOIN members mb ON mb.id = x.member_id
        GROUP BY 1, 2) x), '[]');
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    changed := changed || coalesce((SELECT jsonb_agg(jsonb_build_object('r', record_id, 'o', org_id, 's', -n))
      FROM (SELECT x.record_id, mb.org_id, count(*) AS n FROM old_rows x JOIN members mb ON mb.id = x.member_id
        GROUP BY 1, 2) x), '[]');
  END IF;
  FOR g IN
    SELECT (c->>'o')::uuid AS org_id, extract(year FROM r.occurred_on)::int AS y, extract(month FROM r.occurred_on)::int AS mo,
      sum(r.minutes::bigint * (c->>'s')::bigint)::bigint AS minutes
    FROM jsonb_array_elements(changed) AS c JOIN study_records r ON r.id = (c->>'r')::uuid
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  LOOP
    PERFORM cockpit_bump(cockpit_org_chain(g.org_id), g.y, g.mo, NULL, 0, 0, g.minutes);
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_study_attendees_write ON study_record_attendees;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_study_attendees_ins ON study_record_attendees;
--> statement-breakpoint
CREATE TRIGGER cockpit_study_attendees_ins AFTER INSERT ON study_record_attendees
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_study_attendees_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_study_attendees_upd ON study_record_attendees;
--> statement-breakpoint
CREATE TRIGGER cockpit_study_attendees_upd AFTER UPDATE ON study_record_attendees
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_study_attendees_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_study_attendees_del ON study_record_attendees;
--> statement-breakpoint
CREATE TRIGGER cockpit_study_attendees_del AFTER DELETE ON study_record_attendees
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_study_attendees_trg();
--> statement-breakpoint
-- Members on the roll (an outgoing member stays counted until the receipt comes back): statement triggers add up
-- an import's rows per org before touching the ancestors.
CREATE OR REPLACE FUNCTION cockpit_members_sum(p_rows jsonb) RETURNS void AS $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT (x->>'org_id')::uuid AS org_id,
      sum((x->>'sign')::int) FILTER (WHERE x->>'category' = 'full')::int AS f,
      sum((x->>'sign')::int) FILTER (WHERE x->>'category' <> 'full')::int AS p
    FROM jsonb_array_elements(p_rows) AS x
    WHERE x->>'status' IN ('active', 'transferring')
    GROUP BY 1 ORDER BY 1
  LOOP
    PERFORM cockpit_totals_bump(cockpit_org_chain(g.org_id), 0, 0, 0, 0, coalesce(g.f, 0), coalesce(g.p, 0), 0);
  END LOOP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_members_trg() RETURNS trigger AS $$
DECLARE
  rows jsonb := '[]';
  g record;
BEGIN
  IF NOT cockpit_enabled() THEN
    RETURN NULL;
  END IF;
  -- a transition table exists only for the events it was declared for
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    rows := rows || coalesce((SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'category', category, 'status', status, 'sign', 1))
      FROM new_rows), '[]');
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    rows := rows || coalesce((SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'category', category, 'status', status, 'sign', -1))
      FROM old_rows), '[]');
  END IF;
  PERFORM cockpit_members_sum(rows);
  -- a member who changes org takes the study minutes they attended along (hours belong to the member)
  IF TG_OP = 'UPDATE' THEN
    FOR g IN
      SELECT o.org_id AS from_org, n.org_id AS to_org, extract(year FROM r.occurred_on)::int AS y,
        extract(month FROM r.occurred_on)::int AS mo, sum(r.minutes)::bigint AS minutes
      FROM old_rows o JOIN new_rows n ON n.id = o.id AND n.org_id <> o.org_id
      JOIN study_record_attendees a ON a.member_id = n.id JOIN study_records r ON r.id = a.record_id
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    LOOP
      PERFORM cockpit_bump(cockpit_org_chain(g.from_org), g.y, g.mo, NULL, 0, 0, -g.minutes);
      PERFORM cockpit_bump(cockpit_org_chain(g.to_org), g.y, g.mo, NULL, 0, 0, g.minutes);
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_members_write ON members;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_members_ins ON members;
--> statement-breakpoint
CREATE TRIGGER cockpit_members_ins AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_members_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_members_upd ON members;
--> statement-breakpoint
CREATE TRIGGER cockpit_members_upd AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_members_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_members_del ON members;
--> statement-breakpoint
CREATE TRIGGER cockpit_members_del AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_members_trg();
--> statement-breakpoint
-- Transfers in progress, counted at the sending org (the receiving org for a transfer in from outside).
CREATE OR REPLACE FUNCTION cockpit_transfer_apply(t transfers, p_sign int) RETURNS void AS $$
BEGIN
  IF t.status NOT IN ('pending', 'letter_issued') THEN
    RETURN;
  END IF;
  PERFORM cockpit_totals_bump(cockpit_org_chain(coalesce(t.from_org_id, t.to_org_id)), 0, 0, 0, 0, 0, 0, p_sign);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_transfers_trg() RETURNS trigger AS $$
BEGIN
  IF NOT cockpit_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM cockpit_transfer_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM cockpit_transfer_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_transfers_write ON transfers;
--> statement-breakpoint
CREATE TRIGGER cockpit_transfers_write AFTER INSERT OR UPDATE OR DELETE ON transfers
  FOR EACH ROW EXECUTE FUNCTION cockpit_transfers_trg();
--> statement-breakpoint
-- Orgs: counts by type of active orgs, and moves. A move rewrites the paths of the whole subtree; only its top (the
-- org whose parent changed) carries the subtree's rows from the ancestors it left to the ones it joined.
CREATE OR REPLACE FUNCTION cockpit_org_apply(o orgs, p_chain uuid[], p_sign int) RETURNS void AS $$
BEGIN
  IF o.status <> 'active' THEN
    RETURN;
  END IF;
  PERFORM cockpit_totals_bump(p_chain,
    CASE WHEN o.type = 'committee' THEN p_sign ELSE 0 END, CASE WHEN o.type = 'general_branch' THEN p_sign ELSE 0 END,
    CASE WHEN o.type = 'branch' THEN p_sign ELSE 0 END, CASE WHEN o.type = 'group' THEN p_sign ELSE 0 END, 0, 0, 0);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_move_subtree(p_org uuid, p_left uuid[], p_joined uuid[]) RETURNS void AS $$
BEGIN
  UPDATE cockpit_rollups r SET
    m_members_assembly = r.m_members_assembly - x.m_members_assembly,
    m_branch_committee = r.m_branch_committee - x.m_branch_committee,
    m_group_meeting = r.m_group_meeting - x.m_group_meeting,
    m_party_lecture = r.m_party_lecture - x.m_party_lecture,
    m_theme_day = r.m_theme_day - x.m_theme_day,
    m_life_meeting = r.m_life_meeting - x.m_life_meeting,
    m_committee_meeting = r.m_committee_meeting - x.m_committee_meeting,
    m_central_group_study = r.m_central_group_study - x.m_central_group_study,
    m_heart_talk = r.m_heart_talk - x.m_heart_talk,
    first_topics = r.first_topics - x.first_topics,
    study_minutes = r.study_minutes - x.study_minutes
  FROM cockpit_rollups x
  WHERE x.org_id = p_org AND r.org_id = ANY (p_left) AND r.year = x.year AND r.month = x.month;
  INSERT INTO cockpit_rollups AS r
  SELECT a, x.year, x.month, x.m_members_assembly, x.m_branch_committee, x.m_group_meeting, x.m_party_lecture,
    x.m_theme_day, x.m_life_meeting, x.m_committee_meeting, x.m_central_group_study, x.m_heart_talk, x.first_topics,
    x.study_minutes
  FROM cockpit_rollups x, unnest(p_joined) AS a
  WHERE x.org_id = p_org
  ORDER BY a, x.year, x.month
  ON CONFLICT (org_id, year, month) DO UPDATE SET
    m_members_assembly = r.m_members_assembly + excluded.m_members_assembly,
    m_branch_committee = r.m_branch_committee + excluded.m_branch_committee,
    m_group_meeting = r.m_group_meeting + excluded.m_group_meeting,
    m_party_lecture = r.m_party_lecture + excluded.m_party_lecture,
    m_theme_day = r.m_theme_day + excluded.m_theme_day,
    m_life_meeting = r.m_life_meeting + excluded.m_life_meeting,
    m_committee_meeting = r.m_committee_meeting + excluded.m_committee_meeting,
    m_central_group_study = r.m_central_group_study + excluded.m_central_group_study,
    m_heart_talk = r.m_heart_talk + excluded.m_heart_talk,
    first_topics = r.first_topics + excluded.first_topics,
    study_minutes = r.study_minutes + excluded.study_minutes;
  UPDATE cockpit_org_totals t SET
    committees = t.committees - x.committees,
    general_branches = t.general_branches - x.general_branches,
    branches = t.branches - x.branches,
    groups = t.groups - x.groups,
    full_members = t.full_members - x.full_members,
    probationary_members = t.probationary_members - x.probationary_members,
    transfers_open = t.transfers_open - x.transfers_open
  FROM cockpit_org_totals x
  WHERE x.org_id = p_org AND t.org_id = ANY (p_left);
  INSERT INTO cockpit_org_totals AS t
  SELECT a, x.committees, x.general_branches, x.branches, x.groups, x.full_members, x.probationary_members, x.transfers_open
  FROM cockpit_org_totals x, unnest(p_joined) AS a
  WHERE x.org_id = p_org
  ORDER BY a
  ON CONFLICT (org_id) DO UPDATE SET
    committees = t.committees + excluded.committees,
    general_branches = t.general_branches + excluded.general_branches,
    branches = t.branches + excluded.branches,
    groups = t.groups + excluded.groups,
    full_members = t.full_members + excluded.full_members,
    probationary_members = t.probationary_members + excluded.probationary_members,
    transfers_open = t.transfers_open + excluded.transfers_open;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_orgs_trg() RETURNS trigger AS $$
DECLARE
  old_chain uuid[];
  new_chain uuid[];
  old_anc uuid[];
  new_anc uuid[];
BEGIN
  IF NOT cockpit_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM cockpit_org_apply(NEW, cockpit_chain(NEW.path), 1);
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM cockpit_org_apply(OLD, cockpit_chain(OLD.path), -1);
    DELETE FROM cockpit_rollups WHERE org_id = OLD.id;
    DELETE FROM cockpit_org_totals WHERE org_id = OLD.id;
    DELETE FROM cockpit_own_meetings WHERE org_id = OLD.id;
    RETURN NULL;
  END IF;
  old_chain := cockpit_chain(OLD.path);
  new_chain := cockpit_chain(NEW.path);
  old_anc := old_chain[1:array_length(old_chain, 1) - 1];
  new_anc := new_chain[1:array_length(new_chain, 1) - 1];
  -- the top of a moved subtree: its parent (the last ancestor) changed; its descendants keep theirs
  IF OLD.path <> NEW.path AND old_anc[array_length(old_anc, 1)] IS DISTINCT FROM new_anc[array_length(new_anc, 1)] THEN
    PERFORM cockpit_move_subtree(NEW.id,
      ARRAY(SELECT unnest(old_anc) EXCEPT SELECT unnest(new_anc)),
      ARRAY(SELECT unnest(new_anc) EXCEPT SELECT unnest(old_anc)));
  END IF;
  IF OLD.type <> NEW.type OR OLD.status <> NEW.status THEN
    PERFORM cockpit_org_apply(OLD, new_chain, -1);
    PERFORM cockpit_org_apply(NEW, new_chain, 1);
  END IF;
  IF OLD.path <> NEW.path OR OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.attributes <> NEW.attributes
     OR OLD.founded_on IS DISTINCT FROM NEW.founded_on OR OLD.type <> NEW.type OR OLD.status <> NEW.status THEN
    PERFORM cockpit_touch(ARRAY(SELECT unnest(old_chain) UNION SELECT unnest(new_chain)));
  ELSIF (OLD.name <> NEW.name OR OLD.sort_order <> NEW.sort_order) AND NEW.parent_id IS NOT NULL THEN
    -- the parent's cockpit lists its children by name in sort order (its cached figures are keyed by its totals row)
    PERFORM cockpit_touch(ARRAY[NEW.parent_id]);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cockpit_orgs_write ON orgs;
--> statement-breakpoint
CREATE TRIGGER cockpit_orgs_write AFTER INSERT OR UPDATE OR DELETE ON orgs
  FOR EACH ROW EXECUTE FUNCTION cockpit_orgs_trg();
--> statement-breakpoint
-- 五个好 scoring roll-ups (server/modules/study/hours.rollup.ts, server/modules/meeting/held.rollup.ts): maintained in
-- the writing transaction by these triggers, so every write path keeps them right. They hold raw facts, never
-- anything an editable rule decides: entries of study per member (the 学时 rules apply at read time) and held
-- meetings per org and month (the 三会一课 rule table applies at read time). Keyed by member and by org, so member
-- and org moves change nothing here. `set liangqi.scoring_rollup = 'off'` skips them for a bulk load that calls
-- scoring_rebuild() afterwards. A 第一议题 counts only as agenda item 1 (domain.md §5.2).

CREATE OR REPLACE FUNCTION scoring_enabled() RETURNS boolean AS $$
  SELECT coalesce(current_setting('liangqi.scoring_rollup', true), '') <> 'off'
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- Study: one (year, member, form, span, minutes) entry more or fewer per attendee of a record.
CREATE OR REPLACE FUNCTION study_minutes_record(r study_records, p_sign int) RETURNS void AS $$
BEGIN
  INSERT INTO study_member_minutes AS s (year, member_id, form, span, minutes, times)
  SELECT extract(year FROM r.occurred_on)::int, a.member_id, r.form, coalesce(r.span, ''), r.minutes, p_sign
  FROM study_record_attendees a WHERE a.record_id = r.id
  ORDER BY a.member_id
  ON CONFLICT (year, member_id, form, span, minutes) DO UPDATE SET times = s.times + excluded.times;
  DELETE FROM study_member_minutes s USING study_record_attendees a
  WHERE a.record_id = r.id AND s.member_id = a.member_id AND s.year = extract(year FROM r.occurred_on)::int
    AND s.form = r.form AND s.span = coalesce(r.span, '') AND s.minutes = r.minutes AND s.times = 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION study_minutes_records_trg() RETURNS trigger AS $$
BEGIN
  IF NOT scoring_enabled() THEN
    RETURN NULL;
  END IF;
  -- BEFORE DELETE: the attendees are still there (the cascade removes them after the row, and their trigger then
  -- finds no record to count)
  IF TG_OP = 'DELETE' THEN
    PERFORM study_minutes_record(OLD, -1);
    RETURN OLD;
  END IF;
  -- UPDATE (an INSERT has no attendees yet: they count as they are added)
  IF OLD.form = NEW.form AND OLD.minutes = NEW.minutes AND OLD.span IS NOT DISTINCT FROM NEW.span
     AND OLD.occurred_on = NEW.occurred_on THEN
    RETURN NULL;
  END IF;
  PERFORM study_minutes_record(OLD, -1);
  PERFORM study_minutes_record(NEW, 1);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS study_minutes_records_write ON study_records;
--> statement-breakpoint
CREATE TRIGGER study_minutes_records_write AFTER UPDATE ON study_records
  FOR EACH ROW EXECUTE FUNCTION study_minutes_records_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS study_minutes_records_delete ON study_records;
--> statement-breakpoint
CREATE TRIGGER study_minutes_records_delete BEFORE DELETE ON study_records
  FOR EACH ROW EXECUTE FUNCTION study_minutes_records_trg();
--> statement-breakpoint
-- Attendees are written many per statement (a roster, an import): statement triggers add them up first.
CREATE OR REPLACE FUNCTION study_minutes_sum(p_rows jsonb) RETURNS void AS $$
BEGIN
  INSERT INTO study_member_minutes AS s (year, member_id, form, span, minutes, times)
  SELECT extract(year FROM r.occurred_on)::int, (x->>'m')::uuid, r.form, coalesce(r.span, ''), r.minutes,
    sum((x->>'s')::int)::int
  FROM jsonb_array_elements(p_rows) AS x JOIN study_records r ON r.id = (x->>'r')::uuid
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (year, member_id, form, span, minutes) DO UPDATE SET times = s.times + excluded.times;
  DELETE FROM study_member_minutes s USING jsonb_array_elements(p_rows) AS x JOIN study_records r ON r.id = (x->>'r')::uuid
  WHERE s.member_id = (x->>'m')::uuid AND s.year = extract(year FROM r.occurred_on)::int AND s.form = r.form
    AND s.span = coalesce(r.span, '') AND s.minutes = r.minutes AND s.times = 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION study_minutes_attendees_trg() RETURNS trigger AS $$
DECLARE
  changed jsonb := '[]';
BEGIN
  IF NOT scoring_enabled() THEN
    RETURN NULL;
  END IF;
  -- a transition table exists only for the events it was declared for
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    changed := changed || coalesce((SELECT jsonb_agg(jsonb_build_object('r', record_id, 'm', member_id, 's', 1))
      FROM new_rows), '[]');
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    changed := changed || coalesce((SELECT jsonb_agg(jsonb_build_object('r', record_id, 'm', member_id, 's', -1))
      FROM old_rows), '[]');
  END IF;
  PERFORM study_minutes_sum(changed);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS study_minutes_attendees_ins ON study_record_attendees;
--> statement-breakpoint
CREATE TRIGGER study_minutes_attendees_ins AFTER INSERT ON study_record_attendees
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION study_minutes_attendees_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS study_minutes_attendees_upd ON study_record_attendees;
--> statement-breakpoint
CREATE TRIGGER study_minutes_attendees_upd AFTER UPDATE ON study_record_attendees
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION study_minutes_attendees_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS study_minutes_attendees_del ON study_record_attendees;
--> statement-breakpoint
CREATE TRIGGER study_minutes_attendees_del AFTER DELETE ON study_record_attendees
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION study_minutes_attendees_trg();
--> statement-breakpoint
-- Meetings: a held meeting counts in its org, CST year and month, under its type and 兼计 keys.
CREATE OR REPLACE FUNCTION meeting_held_apply(m meetings, p_sign int) RETURNS void AS $$
DECLARE
  ts timestamp := (m.starts_at AT TIME ZONE 'UTC') + interval '8 hours';
  y int := extract(year FROM ts)::int;
  mo int := extract(month FROM ts)::int;
BEGIN
  IF NOT meeting_counts_as_held(m.status) THEN
    RETURN;
  END IF;
  INSERT INTO meeting_held_months (org_id, year, type, counts_as, counts)
  VALUES (m.org_id, y, m.type, m.counts_as, array_fill(0, ARRAY[12]))
  ON CONFLICT (org_id, year, type, counts_as) DO NOTHING;
  UPDATE meeting_held_months SET counts[mo] = counts[mo] + p_sign
  WHERE org_id = m.org_id AND year = y AND type = m.type AND counts_as = m.counts_as;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION meeting_held_trg() RETURNS trigger AS $$
BEGIN
  IF NOT scoring_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.org_id = NEW.org_id AND OLD.type = NEW.type AND OLD.starts_at = NEW.starts_at
     AND OLD.counts_as = NEW.counts_as AND OLD.status = NEW.status THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM meeting_held_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM meeting_held_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS meeting_held_write ON meetings;
--> statement-breakpoint
CREATE TRIGGER meeting_held_write AFTER INSERT OR UPDATE OR DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION meeting_held_trg();
--> statement-breakpoint
-- 第一议题: (year, org, topic) → how many held meetings of the org studied the topic as a 第一议题 agenda item.
-- 第一议题 per org, year, publishing org and (when pushed) the year published: how many distinct topics the org relayed.
-- What the scoring reads; kept from topic_relays as a topic's count there goes from 0 to more and back, and when a
-- topic's publisher or push changes. Whether the publisher is the org or above it is decided at read time.
CREATE OR REPLACE FUNCTION topic_count_move(p_topic uuid, p_year int, p_org uuid, p_delta int) RETURNS void AS $$
BEGIN
  IF p_delta = 0 THEN
    RETURN;
  END IF;
  INSERT INTO topic_relay_counts AS c (year, org_id, topic_org_id, pushed_year, topics)
  SELECT p_year, p_org, t.org_id, CASE WHEN t.pushed_at IS NOT NULL THEN extract(year FROM t.published_on)::int ELSE 0 END, p_delta
  FROM first_topics t WHERE t.id = p_topic
  ON CONFLICT (year, org_id, topic_org_id, pushed_year) DO UPDATE SET topics = c.topics + excluded.topics;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION topic_relay_bump(p_meeting meetings, p_topic uuid, p_sign int) RETURNS void AS $$
DECLARE
  y int := extract(year FROM (p_meeting.starts_at AT TIME ZONE 'UTC') + interval '8 hours')::int;
  after int;
BEGIN
  IF p_topic IS NULL OR NOT meeting_counts_as_held(p_meeting.status) THEN
    RETURN;
  END IF;
  INSERT INTO topic_relays AS t (year, org_id, topic_id, n) VALUES (y, p_meeting.org_id, p_topic, p_sign)
  ON CONFLICT (year, org_id, topic_id) DO UPDATE SET n = t.n + excluded.n
  RETURNING n INTO after;
  PERFORM topic_count_move(p_topic, y, p_meeting.org_id, (after > 0)::int - (after - p_sign > 0)::int);
  DELETE FROM topic_relays WHERE year = y AND org_id = p_meeting.org_id AND topic_id = p_topic AND n = 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION topic_relay_meeting(m meetings, p_sign int) RETURNS void AS $$
DECLARE
  i record;
BEGIN
  FOR i IN SELECT topic_id FROM meeting_agenda_items WHERE meeting_id = m.id AND kind = 'first_topic' AND position = 1 AND topic_id IS NOT NULL
    ORDER BY topic_id
  LOOP
    PERFORM topic_relay_bump(m, i.topic_id, p_sign);
  END LOOP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION topic_relay_meetings_trg() RETURNS trigger AS $$
BEGIN
  IF NOT scoring_enabled() THEN
    RETURN NULL;
  END IF;
  -- BEFORE DELETE: the agenda is still there (the cascade removes it after the row, and its trigger then finds no
  -- meeting to count)
  IF TG_OP = 'DELETE' THEN
    PERFORM topic_relay_meeting(OLD, -1);
    RETURN OLD;
  END IF;
  -- UPDATE (an INSERT has no agenda yet: its items count as they are added)
  IF OLD.org_id = NEW.org_id AND OLD.starts_at = NEW.starts_at AND OLD.status = NEW.status THEN
    RETURN NULL;
  END IF;
  PERFORM topic_relay_meeting(OLD, -1);
  PERFORM topic_relay_meeting(NEW, 1);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS topic_relay_meetings_write ON meetings;
--> statement-breakpoint
CREATE TRIGGER topic_relay_meetings_write AFTER UPDATE ON meetings
  FOR EACH ROW EXECUTE FUNCTION topic_relay_meetings_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS topic_relay_meetings_delete ON meetings;
--> statement-breakpoint
CREATE TRIGGER topic_relay_meetings_delete BEFORE DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION topic_relay_meetings_trg();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION topic_relay_agenda_apply(p_meeting uuid, p_kind text, p_topic uuid, p_sign int) RETURNS void AS $$
DECLARE
  m meetings;
BEGIN
  IF p_kind <> 'first_topic' OR p_topic IS NULL THEN
    RETURN;
  END IF;
  SELECT * INTO m FROM meetings WHERE id = p_meeting;
  IF FOUND THEN
    PERFORM topic_relay_bump(m, p_topic, p_sign);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION topic_relay_agenda_trg() RETURNS trigger AS $$
BEGIN
  IF NOT scoring_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.position = 1 THEN
    PERFORM topic_relay_agenda_apply(OLD.meeting_id, OLD.kind, OLD.topic_id, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.position = 1 THEN
    PERFORM topic_relay_agenda_apply(NEW.meeting_id, NEW.kind, NEW.topic_id, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS topic_relay_agenda_write ON meeting_agenda_items;
--> statement-breakpoint
CREATE TRIGGER topic_relay_agenda_write AFTER INSERT OR UPDATE OR DELETE ON meeting_agenda_items
  FOR EACH ROW EXECUTE FUNCTION topic_relay_agenda_trg();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION topic_counts_topics_trg() RETURNS trigger AS $$
DECLARE
  r record;
BEGIN
  IF NOT scoring_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.org_id = NEW.org_id AND (OLD.pushed_at IS NULL) = (NEW.pushed_at IS NULL)
     AND extract(year FROM OLD.published_on) = extract(year FROM NEW.published_on) THEN
    RETURN NULL;
  END IF;
  FOR r IN SELECT year, org_id FROM topic_relays WHERE topic_id = OLD.id AND n > 0 ORDER BY year, org_id LOOP
    UPDATE topic_relay_counts SET topics = topics - 1
    WHERE year = r.year AND org_id = r.org_id AND topic_org_id = OLD.org_id
      AND pushed_year = CASE WHEN OLD.pushed_at IS NOT NULL THEN extract(year FROM OLD.published_on)::int ELSE 0 END;
    IF TG_OP = 'UPDATE' THEN
      PERFORM topic_count_move(NEW.id, r.year, r.org_id, 1);
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS topic_counts_topics_write ON first_topics;
--> statement-breakpoint
CREATE TRIGGER topic_counts_topics_write AFTER UPDATE OR DELETE ON first_topics
  FOR EACH ROW EXECUTE FUNCTION topic_counts_topics_trg();
--> statement-breakpoint
-- Full recomputations of the roll-ups above from the source tables, set-based, by the same rules as the triggers.
-- Call them after a bulk load that bypassed the triggers (`set liangqi.cockpit_rollup = 'off'`,
-- `set liangqi.scoring_rollup = 'off'`), or to repair; ordinary writes keep the roll-ups right by themselves.
CREATE OR REPLACE FUNCTION cockpit_rebuild() RETURNS void AS $$
BEGIN
  LOCK TABLE cockpit_rollups, cockpit_org_totals, cockpit_own_meetings IN EXCLUSIVE MODE;
  DELETE FROM cockpit_rollups;
  DELETE FROM cockpit_org_totals;
  DELETE FROM cockpit_own_meetings;
  INSERT INTO cockpit_rollups (org_id, year, month, m_members_assembly, m_branch_committee, m_group_meeting,
    m_party_lecture, m_theme_day, m_life_meeting, m_committee_meeting, m_central_group_study, m_heart_talk, first_topics,
    study_minutes)
  SELECT a.id, f.y, mm.mo, sum(f.m_members_assembly), sum(f.m_branch_committee), sum(f.m_group_meeting),
    sum(f.m_party_lecture), sum(f.m_theme_day), sum(f.m_life_meeting), sum(f.m_committee_meeting),
    sum(f.m_central_group_study), sum(f.m_heart_talk), sum(f.first_topics), sum(f.study_minutes)
  FROM (
    SELECT m.org_id, extract(year FROM cockpit_cst(m.starts_at))::int AS y, extract(month FROM cockpit_cst(m.starts_at))::int AS mo,
      count(*) FILTER (WHERE m.type = 'members_assembly') AS m_members_assembly,
      count(*) FILTER (WHERE m.type = 'branch_committee') AS m_branch_committee,
      count(*) FILTER (WHERE m.type = 'group_meeting') AS m_group_meeting,
      count(*) FILTER (WHERE m.type = 'party_lecture') AS m_party_lecture,
      count(*) FILTER (WHERE m.type = 'theme_day') AS m_theme_day,
      count(*) FILTER (WHERE m.type = 'life_meeting') AS m_life_meeting,
      count(*) FILTER (WHERE m.type = 'committee_meeting') AS m_committee_meeting,
      count(*) FILTER (WHERE m.type = 'central_group_study') AS m_central_group_study,
      count(*) FILTER (WHERE m.type = 'heart_talk') AS m_heart_talk,
      coalesce(sum(t.n), 0)::int AS first_topics, 0::bigint AS study_minutes
    FROM meetings m
    LEFT JOIN (SELECT meeting_id, count(*)::int AS n FROM meeting_agenda_items
      WHERE kind = 'first_topic' AND position = 1 GROUP BY meeting_id) t ON t.meeting_id = m.id
    WHERE meeting_counts_as_held(m.status)
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT mb.org_id, extract(year FROM r.occurred_on)::int, extract(month FROM r.occurred_on)::int,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sum(r.minutes::bigint)
    FROM study_records r
    JOIN study_record_attendees sa ON sa.record_id = r.id
    JOIN members mb ON mb.id = sa.member_id
    GROUP BY 1, 2, 3
  ) f
  JOIN orgs o ON o.id = f.org_id
  CROSS JOIN LATERAL unnest(cockpit_chain(o.path)) AS a(id)
  CROSS JOIN LATERAL (VALUES (0), (f.mo)) AS mm(mo)
  GROUP BY a.id, f.y, mm.mo;
  INSERT INTO cockpit_org_totals (org_id, committees, general_branches, branches, groups, full_members, probationary_members,
    transfers_open, version)
  SELECT a.id, sum(c), sum(g), sum(b), sum(gr), sum(fm), sum(pm), sum(tr),
    -- past every version handed out before, so no cached rate computed earlier is taken for current
    (extract(epoch FROM clock_timestamp()) * 1000)::bigint
  FROM (
    SELECT path, (type = 'committee')::int AS c, (type = 'general_branch')::int AS g, (type = 'branch')::int AS b,
      (type = 'group')::int AS gr, 0 AS fm, 0 AS pm, 0 AS tr
    FROM orgs WHERE status = 'active'
    UNION ALL
    SELECT o.path, 0, 0, 0, 0, count(*) FILTER (WHERE m.category = 'full'), count(*) FILTER (WHERE m.category <> 'full'), 0
    FROM members m JOIN orgs o ON o.id = m.org_id
    WHERE m.status IN ('active', 'transferring') GROUP BY o.path
    UNION ALL
    SELECT o.path, 0, 0, 0, 0, 0, 0, count(*)
    FROM transfers t JOIN orgs o ON o.id = coalesce(t.from_org_id, t.to_org_id)
    WHERE t.status IN ('pending', 'letter_issued') GROUP BY o.path
  ) f
  CROSS JOIN LATERAL unnest(cockpit_chain(f.path)) AS a(id)
  GROUP BY a.id;
  WITH held AS (
    SELECT m.org_id, extract(year FROM cockpit_cst(m.starts_at))::int AS y, extract(month FROM cockpit_cst(m.starts_at))::int AS mo,
      m.type, count(*)::int AS n
    FROM meetings m
    WHERE meeting_counts_as_held(m.status) AND m.type IN ('members_assembly', 'branch_committee', 'group_meeting', 'party_lecture')
    GROUP BY 1, 2, 3, 4
  )
  INSERT INTO cockpit_own_meetings (org_id, year, type, counts)
  SELECT k.org_id, k.y, k.type, array_agg(coalesce(c.n, 0) ORDER BY g.mo)
  FROM (SELECT DISTINCT org_id, y, type FROM held) k
  CROSS JOIN generate_series(1, 12) AS g(mo)
  LEFT JOIN held c ON c.org_id = k.org_id AND c.y = k.y AND c.type = k.type AND c.mo = g.mo
  GROUP BY k.org_id, k.y, k.type;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scoring_rebuild() RETURNS void AS $$
BEGIN
  LOCK TABLE study_member_minutes, meeting_held_months, topic_relays, topic_relay_counts IN EXCLUSIVE MODE;
  DELETE FROM study_member_minutes;
  DELETE FROM meeting_held_months;
  DELETE FROM topic_relays;
  DELETE FROM topic_relay_counts;
  INSERT INTO study_member_minutes (year, member_id, form, span, minutes, times)
  SELECT extract(year FROM r.occurred_on)::int, a.member_id, r.form, coalesce(r.span, ''), r.minutes, count(*)::int
  FROM study_record_attendees a JOIN study_records r ON r.id = a.record_id
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO meeting_held_months (org_id, year, type, counts_as, counts)
  SELECT org_id, y, type, counts_as, ARRAY[count(*) FILTER (WHERE mo = 1)::int, count(*) FILTER (WHERE mo = 2)::int, count(*) FILTER (WHERE mo = 3)::int, count(*) FILTER (WHERE mo = 4)::int, count(*) FILTER (WHERE mo = 5)::int, count(*) FILTER (WHERE mo = 6)::int, count(*) FILTER (WHERE mo = 7)::int, count(*) FILTER (WHERE mo = 8)::int, count(*) FILTER (WHERE mo = 9)::int, count(*) FILTER (WHERE mo = 10)::int, count(*) FILTER (WHERE mo = 11)::int, count(*) FILTER (WHERE mo = 12)::int]
  FROM (
    SELECT org_id, type, counts_as, extract(year FROM cockpit_cst(starts_at))::int AS y,
      extract(month FROM cockpit_cst(starts_at))::int AS mo
    FROM meetings WHERE meeting_counts_as_held(status)
  ) x
  GROUP BY org_id, y, type, counts_as;
  INSERT INTO topic_relays (year, org_id, topic_id, n)
  SELECT extract(year FROM cockpit_cst(m.starts_at))::int, m.org_id, i.topic_id, count(*)::int
  FROM meeting_agenda_items i JOIN meetings m ON m.id = i.meeting_id
  WHERE i.kind = 'first_topic' AND i.position = 1 AND i.topic_id IS NOT NULL AND meeting_counts_as_held(m.status)
  GROUP BY 1, 2, 3;
  INSERT INTO topic_relay_counts (year, org_id, topic_org_id, pushed_year, topics)
  SELECT r.year, r.org_id, t.org_id,
    CASE WHEN t.pushed_at IS NOT NULL THEN extract(year FROM t.published_on)::int ELSE 0 END, count(*)::int
  FROM topic_relays r JOIN first_topics t ON t.id = r.topic_id
  WHERE r.n > 0
  GROUP BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Replaced by meeting_counts_as_held and cockpit_study_record_apply.
DROP FUNCTION IF EXISTS cockpit_is_held(text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS cockpit_study_apply(study_records, bigint);
--> statement-breakpoint
-- Existing installs: the figures defined differently above (study minutes by the attendee's org, 第一议题 at item 1 only)
-- are recomputed once; on an empty database these do nothing.
SELECT cockpit_rebuild();
--> statement-breakpoint
SELECT scoring_rebuild();
