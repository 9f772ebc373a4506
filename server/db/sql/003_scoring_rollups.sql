-- 五个好 scoring roll-ups (server/modules/study/hours.rollup.ts, server/modules/meeting/held.rollup.ts): maintained in
-- the writing transaction by these triggers, so every write path keeps them right. They hold raw facts, never
-- anything an editable rule decides: entries of study per member (the 学时 rules apply at read time) and held
-- meetings per org and month (the 三会一课 rule table applies at read time). Keyed by member and by org, so member
-- and org moves change nothing here. `set liangqi.scoring_rollup = 'off'` skips them for a bulk load that calls
-- rebuildScoringRollups(db) afterwards. Idempotent: applied at every start.

CREATE OR REPLACE FUNCTION scoring_enabled() RETURNS boolean AS $$
  SELECT coalesce(current_setting('liangqi.scoring_rollup', true), '') <> 'off'
$$ LANGUAGE sql STABLE;

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

DROP TRIGGER IF EXISTS study_minutes_records_write ON study_records;
CREATE TRIGGER study_minutes_records_write AFTER UPDATE ON study_records
  FOR EACH ROW EXECUTE FUNCTION study_minutes_records_trg();
DROP TRIGGER IF EXISTS study_minutes_records_delete ON study_records;
CREATE TRIGGER study_minutes_records_delete BEFORE DELETE ON study_records
  FOR EACH ROW EXECUTE FUNCTION study_minutes_records_trg();

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

DROP TRIGGER IF EXISTS study_minutes_attendees_ins ON study_record_attendees;
CREATE TRIGGER study_minutes_attendees_ins AFTER INSERT ON study_record_attendees
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION study_minutes_attendees_trg();
DROP TRIGGER IF EXISTS study_minutes_attendees_upd ON study_record_attendees;
CREATE TRIGGER study_minutes_attendees_upd AFTER UPDATE ON study_record_attendees
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION study_minutes_attendees_trg();
DROP TRIGGER IF EXISTS study_minutes_attendees_del ON study_record_attendees;
CREATE TRIGGER study_minutes_attendees_del AFTER DELETE ON study_record_attendees
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION study_minutes_attendees_trg();

-- Meetings: a held meeting counts in its org, CST year and month, under its type and 兼计 keys.
CREATE OR REPLACE FUNCTION meeting_held_apply(m meetings, p_sign int) RETURNS void AS $$
DECLARE
  ts timestamp := (m.starts_at AT TIME ZONE 'UTC') + interval '8 hours';
  y int := extract(year FROM ts)::int;
  mo int := extract(month FROM ts)::int;
BEGIN
  IF m.status NOT IN ('held', 'submitted', 'returned', 'approved') THEN
    RETURN;
  END IF;
  INSERT INTO meeting_held_months (org_id, year, type, counts_as, counts)
  VALUES (m.org_id, y, m.type, m.counts_as, array_fill(0, ARRAY[12]))
  ON CONFLICT (org_id, year, type, counts_as) DO NOTHING;
  UPDATE meeting_held_months SET counts[mo] = counts[mo] + p_sign
  WHERE org_id = m.org_id AND year = y AND type = m.type AND counts_as = m.counts_as;
END;
$$ LANGUAGE plpgsql;

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

DROP TRIGGER IF EXISTS meeting_held_write ON meetings;
CREATE TRIGGER meeting_held_write AFTER INSERT OR UPDATE OR DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION meeting_held_trg();

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

CREATE OR REPLACE FUNCTION topic_relay_bump(p_meeting meetings, p_topic uuid, p_sign int) RETURNS void AS $$
DECLARE
  y int := extract(year FROM (p_meeting.starts_at AT TIME ZONE 'UTC') + interval '8 hours')::int;
  after int;
BEGIN
  IF p_topic IS NULL OR p_meeting.status NOT IN ('held', 'submitted', 'returned', 'approved') THEN
    RETURN;
  END IF;
  INSERT INTO topic_relays AS t (year, org_id, topic_id, n) VALUES (y, p_meeting.org_id, p_topic, p_sign)
  ON CONFLICT (year, org_id, topic_id) DO UPDATE SET n = t.n + excluded.n
  RETURNING n INTO after;
  PERFORM topic_count_move(p_topic, y, p_meeting.org_id, (after > 0)::int - (after - p_sign > 0)::int);
  DELETE FROM topic_relays WHERE year = y AND org_id = p_meeting.org_id AND topic_id = p_topic AND n = 0;
END;
$$ LANGUAGE plpgsql;


CREATE OR REPLACE FUNCTION topic_relay_meeting(m meetings, p_sign int) RETURNS void AS $$
DECLARE
  i record;
BEGIN
  FOR i IN SELECT topic_id FROM meeting_agenda_items WHERE meeting_id = m.id AND kind = 'first_topic' AND topic_id IS NOT NULL
    ORDER BY topic_id
  LOOP
    PERFORM topic_relay_bump(m, i.topic_id, p_sign);
  END LOOP;
END;
$$ LANGUAGE plpgsql;

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

DROP TRIGGER IF EXISTS topic_relay_meetings_write ON meetings;
CREATE TRIGGER topic_relay_meetings_write AFTER UPDATE ON meetings
  FOR EACH ROW EXECUTE FUNCTION topic_relay_meetings_trg();
DROP TRIGGER IF EXISTS topic_relay_meetings_delete ON meetings;
CREATE TRIGGER topic_relay_meetings_delete BEFORE DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION topic_relay_meetings_trg();

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

CREATE OR REPLACE FUNCTION topic_relay_agenda_trg() RETURNS trigger AS $$
BEGIN
  IF NOT scoring_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM topic_relay_agenda_apply(OLD.meeting_id, OLD.kind, OLD.topic_id, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM topic_relay_agenda_apply(NEW.meeting_id, NEW.kind, NEW.topic_id, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS topic_relay_agenda_write ON meeting_agenda_items;
CREATE TRIGGER topic_relay_agenda_write AFTER INSERT OR UPDATE OR DELETE ON meeting_agenda_items
  FOR EACH ROW EXECUTE FUNCTION topic_relay_agenda_trg();

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

DROP TRIGGER IF EXISTS topic_counts_topics_write ON first_topics;
CREATE TRIGGER topic_counts_topics_write AFTER UPDATE OR DELETE ON first_topics
  FOR EACH ROW EXECUTE FUNCTION topic_counts_topics_trg();
