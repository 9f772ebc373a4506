-- 驾驶舱 roll-ups (server/modules/cockpit): maintained in the writing transaction by these triggers, so every write
-- path (services, imports, seeds, bulk SQL) keeps them right. Each org's rows include its whole subtree: a change
-- bumps the org and every ancestor on its materialized path. `set liangqi.cockpit_rollup = 'off'` skips them for a
-- bulk load that calls rebuildCockpitRollups(db) afterwards. Idempotent: applied at every start.

CREATE OR REPLACE FUNCTION cockpit_enabled() RETURNS boolean AS $$
  SELECT coalesce(current_setting('liangqi.cockpit_rollup', true), '') <> 'off'
$$ LANGUAGE sql STABLE;

-- The org ids of a materialized path "/<root>/…/<org>/", root first.
CREATE OR REPLACE FUNCTION cockpit_chain(p_path text) RETURNS uuid[] AS $$
  SELECT string_to_array(trim(both '/' from p_path), '/')::uuid[]
$$ LANGUAGE sql IMMUTABLE;

CREATE OR REPLACE FUNCTION cockpit_org_chain(p_org uuid) RETURNS uuid[] AS $$
  SELECT cockpit_chain(path) FROM orgs WHERE id = p_org
$$ LANGUAGE sql STABLE;

-- Calendar year and month in China Standard Time.
CREATE OR REPLACE FUNCTION cockpit_cst(p_at timestamptz) RETURNS timestamp AS $$
  SELECT (p_at AT TIME ZONE 'UTC') + interval '8 hours'
$$ LANGUAGE sql IMMUTABLE;

CREATE OR REPLACE FUNCTION cockpit_is_held(p_status text) RETURNS boolean AS $$
  SELECT p_status IN ('held', 'submitted', 'returned', 'approved')
$$ LANGUAGE sql IMMUTABLE;

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

-- Marks the subtree totals of every org in p_chain as changed (the cached 三会一课 rates of those orgs are stale).
CREATE OR REPLACE FUNCTION cockpit_touch(p_chain uuid[]) RETURNS void AS $$
BEGIN
  INSERT INTO cockpit_org_totals AS t (org_id, version) SELECT a, 1 FROM unnest(p_chain) AS a ORDER BY a
  ON CONFLICT (org_id) DO UPDATE SET version = t.version + 1;
END;
$$ LANGUAGE plpgsql;

-- A held meeting's contribution (p_sign = 1 add, -1 remove): the meeting, its 第一议题 items, and the own count.
CREATE OR REPLACE FUNCTION cockpit_meeting_apply(m meetings, p_sign int) RETURNS void AS $$
DECLARE
  ts timestamp := cockpit_cst(m.starts_at);
  y int := extract(year FROM ts)::int;
  mo int := extract(month FROM ts)::int;
  topics int;
BEGIN
  IF NOT cockpit_is_held(m.status) THEN
    RETURN;
  END IF;
  SELECT count(*) INTO topics FROM meeting_agenda_items WHERE meeting_id = m.id AND kind = 'first_topic';
  PERFORM cockpit_bump(cockpit_org_chain(m.org_id), y, mo, m.type, p_sign, p_sign * topics, 0);
  PERFORM cockpit_own_bump(m.org_id, y, mo, m.type, p_sign);
END;
$$ LANGUAGE plpgsql;

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
       AND cockpit_is_held(OLD.status) = cockpit_is_held(NEW.status) THEN
      RETURN NULL;
    END IF;
    PERFORM cockpit_meeting_apply(OLD, -1);
  END IF;
  PERFORM cockpit_meeting_apply(NEW, 1);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS cockpit_meetings_write ON meetings;
CREATE TRIGGER cockpit_meetings_write AFTER INSERT OR UPDATE ON meetings
  FOR EACH ROW EXECUTE FUNCTION cockpit_meetings_trg();
DROP TRIGGER IF EXISTS cockpit_meetings_delete ON meetings;
CREATE TRIGGER cockpit_meetings_delete BEFORE DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION cockpit_meetings_trg();

-- A 第一议题 agenda item of a held meeting (a meeting being deleted has already removed its items).
CREATE OR REPLACE FUNCTION cockpit_agenda_apply(p_meeting uuid, p_kind text, p_sign int) RETURNS void AS $$
DECLARE
  m meetings;
  ts timestamp;
BEGIN
  IF p_kind <> 'first_topic' THEN
    RETURN;
  END IF;
  SELECT * INTO m FROM meetings WHERE id = p_meeting;
  IF NOT FOUND OR NOT cockpit_is_held(m.status) THEN
    RETURN;
  END IF;
  ts := cockpit_cst(m.starts_at);
  PERFORM cockpit_bump(cockpit_org_chain(m.org_id), extract(year FROM ts)::int, extract(month FROM ts)::int, m.type, 0, p_sign, 0);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION cockpit_agenda_trg() RETURNS trigger AS $$
BEGIN
  IF NOT cockpit_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM cockpit_agenda_apply(OLD.meeting_id, OLD.kind, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM cockpit_agenda_apply(NEW.meeting_id, NEW.kind, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS cockpit_agenda_write ON meeting_agenda_items;
CREATE TRIGGER cockpit_agenda_write AFTER INSERT OR UPDATE OR DELETE ON meeting_agenda_items
  FOR EACH ROW EXECUTE FUNCTION cockpit_agenda_trg();

-- Study: record minutes × attendees, in the record's org and month.
CREATE OR REPLACE FUNCTION cockpit_study_apply(r study_records, p_people bigint) RETURNS void AS $$
BEGIN
  PERFORM cockpit_bump(cockpit_org_chain(r.org_id), extract(year FROM r.occurred_on)::int,
    extract(month FROM r.occurred_on)::int, NULL, 0, 0, r.minutes::bigint * p_people);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION cockpit_study_records_trg() RETURNS trigger AS $$
DECLARE
  people bigint;
BEGIN
  IF NOT cockpit_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO people FROM study_record_attendees WHERE record_id = OLD.id;
    PERFORM cockpit_study_apply(OLD, -people);
    RETURN OLD;
  END IF;
  -- UPDATE (an INSERT has no attendees yet: they bump as they are added)
  IF OLD.org_id = NEW.org_id AND OLD.minutes = NEW.minutes AND OLD.occurred_on = NEW.occurred_on THEN
    RETURN NULL;
  END IF;
  SELECT count(*) INTO people FROM study_record_attendees WHERE record_id = NEW.id;
  PERFORM cockpit_study_apply(OLD, -people);
  PERFORM cockpit_study_apply(NEW, people);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS cockpit_study_records_write ON study_records;
CREATE TRIGGER cockpit_study_records_write AFTER UPDATE ON study_records
  FOR EACH ROW EXECUTE FUNCTION cockpit_study_records_trg();
DROP TRIGGER IF EXISTS cockpit_study_records_delete ON study_records;
CREATE TRIGGER cockpit_study_records_delete BEFORE DELETE ON study_records
  FOR EACH ROW EXECUTE FUNCTION cockpit_study_records_trg();

-- Attendees are written many per statement (a roster, an import): statement triggers add them up per record first.
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
    changed := changed || coalesce((SELECT jsonb_agg(jsonb_build_object('r', record_id, 's', n))
      FROM (SELECT record_id, count(*) AS n FROM new_rows GROUP BY record_id) x), '[]');
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    changed := changed || coalesce((SELECT jsonb_agg(jsonb_build_object('r', record_id, 's', -n))
      FROM (SELECT record_id, count(*) AS n FROM old_rows GROUP BY record_id) x), '[]');
  END IF;
  FOR g IN
    SELECT r.org_id, extract(year FROM r.occurred_on)::int AS y, extract(month FROM r.occurred_on)::int AS mo,
      sum(r.minutes::bigint * (c->>'s')::bigint)::bigint AS minutes
    FROM jsonb_array_elements(changed) AS c JOIN study_records r ON r.id = (c->>'r')::uuid
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  LOOP
    PERFORM cockpit_bump(cockpit_org_chain(g.org_id), g.y, g.mo, NULL, 0, 0, g.minutes);
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS cockpit_study_attendees_write ON study_record_attendees;
DROP TRIGGER IF EXISTS cockpit_study_attendees_ins ON study_record_attendees;
CREATE TRIGGER cockpit_study_attendees_ins AFTER INSERT ON study_record_attendees
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_study_attendees_trg();
DROP TRIGGER IF EXISTS cockpit_study_attendees_upd ON study_record_attendees;
CREATE TRIGGER cockpit_study_attendees_upd AFTER UPDATE ON study_record_attendees
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_study_attendees_trg();
DROP TRIGGER IF EXISTS cockpit_study_attendees_del ON study_record_attendees;
CREATE TRIGGER cockpit_study_attendees_del AFTER DELETE ON study_record_attendees
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_study_attendees_trg();

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

CREATE OR REPLACE FUNCTION cockpit_members_trg() RETURNS trigger AS $$
DECLARE
  rows jsonb := '[]';
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
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS cockpit_members_write ON members;
DROP TRIGGER IF EXISTS cockpit_members_ins ON members;
CREATE TRIGGER cockpit_members_ins AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_members_trg();
DROP TRIGGER IF EXISTS cockpit_members_upd ON members;
CREATE TRIGGER cockpit_members_upd AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_members_trg();
DROP TRIGGER IF EXISTS cockpit_members_del ON members;
CREATE TRIGGER cockpit_members_del AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_members_trg();

-- Transfers in progress, counted at the sending org (the receiving org for a transfer in from outside).
CREATE OR REPLACE FUNCTION cockpit_transfer_apply(t transfers, p_sign int) RETURNS void AS $$
BEGIN
  IF t.status NOT IN ('pending', 'letter_issued') THEN
    RETURN;
  END IF;
  PERFORM cockpit_totals_bump(cockpit_org_chain(coalesce(t.from_org_id, t.to_org_id)), 0, 0, 0, 0, 0, 0, p_sign);
END;
$$ LANGUAGE plpgsql;

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

DROP TRIGGER IF EXISTS cockpit_transfers_write ON transfers;
CREATE TRIGGER cockpit_transfers_write AFTER INSERT OR UPDATE OR DELETE ON transfers
  FOR EACH ROW EXECUTE FUNCTION cockpit_transfers_trg();

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

DROP TRIGGER IF EXISTS cockpit_orgs_write ON orgs;
CREATE TRIGGER cockpit_orgs_write AFTER INSERT OR UPDATE OR DELETE ON orgs
  FOR EACH ROW EXECUTE FUNCTION cockpit_orgs_trg();
