// Deterministic bench data (seeded PRNG): orgs, members with valid GB 11643 IDs encrypted as the member module
// stores them (ciphertext, blind index, mask) and 第一议题 items, as multi-row inserts from here; the year of
// meetings, attendance, agenda and study inside the database (generate.sql.ts). The rows the services would write.
import { addMonths, addYears } from '../common/member.ts';
import type { Db } from '../server/db/client.ts';
import { createPeopleFactory } from '../server/demo/demo.people.ts';
import { createRng } from '../server/demo/demo.rng.ts';
import { firstTopics } from '../server/modules/meeting/topic.table.ts';
import { members } from '../server/modules/member/member.table.ts';
import { orgs } from '../server/platform/access/org.table.ts';
import type { Keys } from '../server/platform/pii/keys.ts';
import { blindIndex, encryptPii, maskIdNumber, maskPhone } from '../server/platform/pii/pii.ts';
import { generateActivity } from './generate.sql.ts';
import type { Scale } from './scales.ts';

export type Generated = {
  enterpriseIds: string[];
  branchIds: string[];
  /** member ids by branch (members sit in the branch's 党小组) */
  membersByBranch: Map<string, string[]>;
  /** plain ID numbers generated (memory only): the import scenario must not reuse a registered person */
  idNumbers: Set<string>;
  counts: Record<string, number>;
};

const DAY = 86_400_000;

async function chunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Fills the database under `rootId` with one year up to `now` at `scale`; the same seed gives the same rows. */
export async function generate(
  db: Db,
  keys: Keys,
  rootId: string,
  scale: Scale,
  now: Date,
  seed = 20260101,
  log: (s: string) => void = () => {},
): Promise<Generated> {
  const rng = createRng(seed);
  const person = createPeopleFactory(rng);
  const uuid = () => {
    const h = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16)).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const today = now.toISOString().slice(0, 10);
  const orgRows: (typeof orgs.$inferInsert)[] = [];
  const out: Generated = { enterpriseIds: [], branchIds: [], membersByBranch: new Map(), idNumbers: new Set(), counts: {} };
  const groupsOf = new Map<string, string[]>();
  for (let e = 1; e <= scale.enterprises; e++) {
    const eid = uuid();
    const epath = `/${rootId}/${eid}/`;
    out.enterpriseIds.push(eid);
    const unit = `州属第${e}号企业有限公司`;
    orgRows.push({
      id: eid,
      parentId: rootId,
      name: `${unit}党委`,
      type: 'committee',
      path: epath,
      depth: 1,
      unitName: unit,
      isEnterprise: true,
    });
    for (let b = 1; b <= scale.branchesPerEnterprise; b++) {
      const bid = uuid();
      const bpath = `${epath}${bid}/`;
      out.branchIds.push(bid);
      orgRows.push({ id: bid, parentId: eid, name: `第${b}党支部`, type: 'branch', path: bpath, depth: 2, unitName: unit, sortOrder: b });
      const groups: string[] = [];
      for (let g = 1; g <= scale.groupsPerBranch; g++) {
        const gid = uuid();
        groups.push(gid);
        orgRows.push({
          id: gid,
          parentId: bid,
          name: `第${g}党小组`,
          type: 'group',
          path: `${bpath}${gid}/`,
          depth: 3,
          unitName: unit,
          sortOrder: g,
        });
      }
      groupsOf.set(bid, groups);
    }
  }
  await chunked(orgRows, 1000, (c) => db.insert(orgs).values(c));
  log(`orgs: ${orgRows.length}`);

  const memberRows: (typeof members.$inferInsert)[] = [];
  for (const bid of out.branchIds) {
    const groups = groupsOf.get(bid) ?? [bid];
    const ids: string[] = [];
    for (let i = 0; i < scale.membersPerBranch; i++) {
      const p = person();
      out.idNumbers.add(p.idNumber);
      const id = uuid();
      ids.push(id);
      const probationary = i >= scale.membersPerBranch - 2 && rng.chance(0.5);
      const joinedRaw = probationary
        ? new Date(now.getTime() - rng.int(30, 330) * DAY).toISOString().slice(0, 10)
        : addYears(p.birthDate, rng.int(20, 30));
      const joinedOn = [joinedRaw, today].sort()[0];
      memberRows.push({
        id,
        orgId: groups.length ? groups[i % groups.length] : bid,
        name: p.name,
        gender: p.gender,
        ethnicity: p.ethnicity,
        birthDate: p.birthDate,
        education: p.education,
        idNumberEnc: encryptPii(keys, p.idNumber),
        idNumberBidx: blindIndex(keys, 'id', p.idNumber),
        idNumberMasked: maskIdNumber(p.idNumber),
        phoneEnc: p.phone ? encryptPii(keys, p.phone) : null,
        phoneBidx: p.phone ? blindIndex(keys, 'phone', p.phone) : null,
        phoneMasked: p.phone ? maskPhone(p.phone) : null,
        category: probationary ? 'probationary' : 'full',
        joinedOn,
        fullMemberOn: probationary ? null : addMonths(joinedOn, 12),
        position: i === 0 ? '书记' : i < 3 ? '委员' : '党员',
        createdAt: now,
        updatedAt: now,
      });
    }
    out.membersByBranch.set(bid, ids);
  }
  log(`members: ${memberRows.length} encrypted`);
  await chunked(memberRows, 1000, (c) => db.insert(members).values(c));
  log('members: inserted');

  const topicRows: (typeof firstTopics.$inferInsert)[] = [];
  for (let i = 0; i < scale.firstTopics; i++) {
    const published = new Date(now.getTime() - rng.int(1, 365) * DAY);
    const publisher = i % 10 === 0 ? rootId : out.enterpriseIds[Math.floor(i / 10) % out.enterpriseIds.length];
    topicRows.push({
      id: uuid(),
      orgId: publisher,
      title: `第一议题学习材料第${i + 1}期`,
      source: '中央重要会议精神',
      publishedOn: published.toISOString().slice(0, 10),
      pushedAt: published,
      createdAt: published,
      updatedAt: published,
    });
  }
  await chunked(topicRows, 1000, (c) => db.insert(firstTopics).values(c));
  log(`first topics: ${topicRows.length}`);

  const activity = await generateActivity(db, rootId, out.enterpriseIds, scale, now, log);
  out.counts = {
    orgs: orgRows.length + 1,
    members: memberRows.length,
    firstTopics: topicRows.length,
    ...activity,
  };
  return out;
}
