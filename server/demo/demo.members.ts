import { addMonths, addYears } from '../../common/member.ts';
import { members } from '../modules/member/member.table.ts';
import { blindIndex, encryptPii, maskIdNumber, maskPhone } from '../platform/pii/pii.ts';
import { probationMonths, type Rules, rules } from '../platform/rules/rules.service.ts';
import { type Demo, type DemoMember, type DemoOrg, insertChunked, type Rng } from '../platform/seed.ts';
import { createPeopleFactory, type DemoPerson } from './demo.people.ts';

/** Share of probationary members (joined within the 预备期, one year by default). */
const PROBATIONARY_SHARE = 0.08;

const DAY = 86_400_000;
const toDate = (s: string) => new Date(`${s}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (s: string, n: number) => fmt(new Date(toDate(s).getTime() + n * DAY));

/** 入党日期 and 转为正式党员日期, consistent with the category, the 预备期 and the person's age (joined at 19 or later). */
function membershipDates(rng: Rng, p: DemoPerson, category: 'full' | 'probationary', today: string, probation: number) {
  if (category === 'probationary') return { joinedOn: addDays(today, -rng.int(15, probation * 30 - 15)), fullMemberOn: null };
  const earliest = toDate(addYears(p.birthDate, rng.int(19, 24))).getTime();
  const latest = toDate(addDays(addMonths(today, -probation), -20)).getTime();
  const pickEnd = Math.min(latest, toDate(addYears(p.birthDate, 42)).getTime());
  const t = earliest >= pickEnd ? Math.min(earliest, latest) : earliest + rng.next() * (pickEnd - earliest);
  const joinedOn = fmt(new Date(Math.floor(t / DAY) * DAY));
  return { joinedOn, fullMemberOn: addMonths(joinedOn, probation) };
}

/** 党内职务 in a branch (rule table): from the threshold on, a committee of the minimum or typical size, else a secretary only. */
function positions(fullCount: number, r: Rules): string[] {
  const b = r.org_structure.branch;
  if (fullCount < b.committee_required_if_full_members_gte) return ['书记'];
  const size = fullCount < 2 * b.committee_required_if_full_members_gte ? b.committee_size.min : b.committee_size.typical_max;
  return ['书记', ...(size >= 5 ? ['副书记'] : []), ...Array<string>(size - (size >= 5 ? 2 : 1)).fill('委员')];
}

/** Seeds fictional members in every branch (in its 党小组 when it has them), PII encrypted as the member module stores it. */
export async function seedMembers(demo: Demo): Promise<void> {
  const { rng, ctx } = demo;
  const keys = ctx.env.keys;
  const person = createPeopleFactory(rng);
  const rows: (typeof members.$inferInsert)[] = [];
  const r = await rules(ctx);
  const probation = await probationMonths(ctx.db);
  const branches = demo.orgs.filter((o) => o.spec?.members);
  for (const branch of branches) {
    const size = branch.spec?.members ?? 0;
    const groups = demo.orgs.filter((o) => o.parentId === branch.id && o.type === 'group');
    const probationary = Math.min(Math.floor(size * PROBATIONARY_SHARE + rng.next()), size - 3);
    const titles = positions(size - probationary, r);
    // full members first and spread round-robin, so every 党小组 has full members and a share of the committee
    for (let i = 0; i < size; i++) {
      const category = i < size - probationary ? 'full' : 'probationary';
      const target: DemoOrg = groups.length ? groups[i % groups.length] : branch;
      const p = person();
      const { joinedOn, fullMemberOn } = membershipDates(rng, p, category, demo.today, probation);
      const m: DemoMember = {
        id: crypto.randomUUID(),
        orgId: target.id,
        branchId: branch.id,
        name: p.name,
        gender: p.gender,
        category,
        joinedOn,
        fullMemberOn,
        position: titles[i] ?? '党员',
      };
      demo.members.push(m);
      rows.push({
        id: m.id,
        orgId: m.orgId,
        name: m.name,
        gender: m.gender,
        category,
        joinedOn,
        position: m.position,
        ethnicity: p.ethnicity,
        birthDate: p.birthDate,
        education: p.education,
        idNumberEnc: encryptPii(keys, p.idNumber),
        idNumberBidx: blindIndex(keys, 'id', p.idNumber),
        idNumberMasked: maskIdNumber(p.idNumber),
        phoneEnc: p.phone ? encryptPii(keys, p.phone) : null,
        phoneBidx: p.phone ? blindIndex(keys, 'phone', p.phone) : null,
        phoneMasked: p.phone ? maskPhone(p.phone) : null,
        fullMemberOn,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    }
  }
  await insertChunked(rows, 250, (chunk) => ctx.db.insert(members).values(chunk));
}
