import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { MEMBER_COLUMNS } from '../../../common/member.ts';
import { inScope, scopePaths } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { blindIndex } from '../../platform/pii/pii.ts';
import { type RowRef, type ValidRow, validateRows } from './member.import-rows.ts';
import { type Member, members } from './member.table.ts';
import { type ImportError, importInvalid, readMemberWorkbook } from './member.xlsx.ts';
import { probation, sealIdNumber, sealPhone } from './member-store.service.ts';

const COL = Object.fromEntries(MEMBER_COLUMNS.map((c) => [c.key, c.header])) as Record<(typeof MEMBER_COLUMNS)[number]['key'], string>;
const CHUNK = 500;
// serialises imports so two identical files uploaded at once give one copy of each person
const IMPORT_LOCK = 731_101;

const normRef = (s: string) =>
  s
    .replace(/[／\\]/g, '/')
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean)
    .join('/');

/** Resolves 所在党组织 (a name unique in scope, or a `/`-joined name path) to an active 党支部 or 党小组 the caller may import into. */
async function orgResolver(ctx: Ctx) {
  const all = await ctx.db.select({ id: orgs.id, name: orgs.name, path: orgs.path, type: orgs.type, status: orgs.status }).from(orgs);
  const nameOf = new Map(all.map((o) => [o.id, o.name]));
  const fullName = (path: string) =>
    path
      .split('/')
      .filter(Boolean)
      .map((id) => nameOf.get(id) ?? '')
      .join('/');
  const inReach = all
    .filter((o) => o.status === 'active' && inScope(ctx.actor, 'member:import', o.path))
    .map((o) => ({ ...o, full: fullName(o.path) }));
  const cache = new Map<string, { org?: (typeof inReach)[number]; error?: string }>();
  return (ref: string) => {
    const key = normRef(ref);
    let hit = cache.get(key);
    if (!hit) {
      const matches = inReach.filter((o) => o.full === key || o.full.endsWith(`/${key}`));
      const units = matches.filter((o) => o.type === 'branch' || o.type === 'group');
      if (units.length === 1) hit = { org: units[0] };
      else if (units.length > 1) hit = { error: `"${ref}"在您的管理范围内有 ${units.length} 个同名组织，请填写完整名称路径（用 / 分隔）` };
      else if (matches.length) hit = { error: `"${ref}"不是党支部或党小组，党员应编入党支部或党小组` };
      else hit = { error: `在您的管理范围内找不到党组织"${ref}"，请核对名称或填写完整名称路径（用 / 分隔）` };
      cache.set(key, hit);
    }
    return hit;
  };
}

/** Same person twice in one file: the later rows name the first. */
function duplicatesInFile(refs: RowRef[], bidx: (id: string) => string): ImportError[] {
  const first = new Map<string, number>();
  const errors: ImportError[] = [];
  for (const r of refs) {
    if (!r.idNumber) continue;
    const b = bidx(r.idNumber);
    const seen = first.get(b);
    if (seen) errors.push({ row: r.row, column: COL.idNumber, message: `与第 ${seen} 行的公民身份号码重复，同一人只能出现一次` });
    else first.set(b, r.row);
  }
  return errors;
}

/**
 * Imports a member workbook all-or-nothing: every cell checked, org names resolved in scope, duplicates within the
 * file and against the database found (a person registered outside the caller's scope is an error that names
 * only the row); people already in scope are updated, the rest created; one transaction, one audit record.
 */
export async function importMembers(
  ctx: Ctx,
  data: Buffer,
  fileName: string,
): Promise<{ imported: number; created: number; updated: number }> {
  const raw = await readMemberWorkbook(data);
  if (raw.length === 0) throw importInvalid([{ row: 2, column: COL.name, message: '文件中没有数据行，请从第 2 行开始填写' }]);
  const { valid, refs, errors } = validateRows(raw, cstDate(ctx.now), await probation(ctx));
  const resolve = await orgResolver(ctx);
  for (const r of refs) {
    if (!r.orgRef) continue;
    const hit = resolve(r.orgRef);
    if (hit.error) errors.push({ row: r.row, column: COL.org, message: hit.error });
  }
  const bidx = (id: string) => blindIndex(ctx.env.keys, 'id', id);
  errors.push(...duplicatesInFile(refs, bidx));

  return withTx(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    const withIdx = refs.filter((r) => r.idNumber).map((r) => ({ row: r.row, bidx: bidx(r.idNumber!) }));
    const existing = new Map<string, { path: string; m: Member }>();
    for (let i = 0; i < withIdx.length; i += 1000) {
      const rows = await tx.db
        .select({ bidx: members.idNumberBidx, path: orgs.path, m: members })
        .from(members)
        .innerJoin(orgs, eq(orgs.id, members.orgId))
        .where(
          inArray(
            members.idNumberBidx,
            withIdx.slice(i, i + 1000).map((r) => r.bidx),
          ),
        );
      for (const r of rows) existing.set(r.bidx, { path: r.path, m: r.m });
    }
    for (const r of withIdx) {
      const path = existing.get(r.bidx)?.path;
      if (path && !inScope(ctx.actor, 'member:import', path))
        errors.push({
          row: r.row,
          column: COL.idNumber,
          message: '此人已在您管理范围以外的党组织登记，不能导入；如需调入请办理组织关系转接',
        });
    }
    if (errors.length) throw importInvalid(errors.sort((a, b) => a.row - b.row || colIndex(a.column) - colIndex(b.column)));

    for (let i = 0; i < valid.length; i += CHUNK) await upsert(tx, valid.slice(i, i + CHUNK), resolve);
    const updated = valid.filter((v) => existing.has(bidx(v.idNumber))).length;
    const result = { imported: valid.length, created: valid.length - updated, updated };
    const changed = changedFields(ctx, valid, existing, bidx, resolve);
    const top = scopePaths(ctx.actor, 'member:import')[0];
    const topId = top?.split('/').filter(Boolean).pop() ?? null;
    await audit(tx, {
      action: 'member.import',
      objectType: 'member',
      orgId: topId,
      orgPath: top ?? null,
      detail: { ...result, fileName, changed },
    });
    return result;
  });
}

const COMPARED = ['name', 'gender', 'ethnicity', 'birthDate', 'education', 'category', 'joinedOn', 'fullMemberOn', 'position'] as const;

/** Per updated member, the fields the file changed (names only, never values): their profiles show the import. */
function changedFields(
  ctx: Ctx,
  valid: ValidRow[],
  existing: Map<string, { m: Member }>,
  bidx: (id: string) => string,
  resolve: Awaited<ReturnType<typeof orgResolver>>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of valid) {
    const m = existing.get(bidx(v.idNumber))?.m;
    if (!m) continue;
    const fields: string[] = COMPARED.filter((k) => (v[k] ?? null) !== (m[k] ?? null));
    if ((v.phone ? blindIndex(ctx.env.keys, 'phone', v.phone) : null) !== m.phoneBidx) fields.push('phone');
    if (resolve(v.orgRef).org?.id !== m.orgId) fields.push('orgId');
    if (fields.length) out[m.id] = fields;
  }
  return out;
}

const colIndex = (header: string) => MEMBER_COLUMNS.findIndex((c) => c.header === header);

// the fields an import writes, upserted through unnest with one array parameter per column (typed from the table),
// so a 500-row chunk is 16 parameters to build and parse instead of 8,000
const UPSERT_FIELDS = [
  'orgId',
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'education',
  'idNumberEnc',
  'idNumberBidx',
  'idNumberMasked',
  'phoneEnc',
  'phoneBidx',
  'phoneMasked',
  'category',
  'joinedOn',
  'fullMemberOn',
  'position',
] as const;

async function upsert(ctx: Ctx, rows: ValidRow[], resolve: Awaited<ReturnType<typeof orgResolver>>) {
  const values = rows.map((v) => ({
    orgId: resolve(v.orgRef).org!.id,
    name: v.name,
    gender: v.gender,
    ethnicity: v.ethnicity,
    birthDate: v.birthDate,
    education: v.education,
    ...sealIdNumber(ctx, v.idNumber),
    ...sealPhone(ctx, v.phone),
    category: v.category,
    joinedOn: v.joinedOn,
    fullMemberOn: v.fullMemberOn,
    position: v.position,
  }));
  const list = (parts: SQL[]) => sql.join(parts, sql`, `);
  const col = (k: (typeof UPSERT_FIELDS)[number]) => sql`${sql.identifier(members[k].name)}`;
  const names = list(UPSERT_FIELDS.map(col));
  const arrays = list(UPSERT_FIELDS.map((k) => sql`${sql.param(values.map((v) => v[k]))}::${sql.raw(members[k].getSQLType())}[]`));
  const updates = list(UPSERT_FIELDS.filter((k) => k !== 'idNumberBidx').map((k) => sql`${col(k)} = excluded.${col(k)}`));
  await ctx.db.execute(sql`insert into ${members} (${names}, created_at, updated_at)
    select u.*, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz from unnest(${arrays}) as u
    on conflict (id_number_bidx) do update set ${updates}, updated_at = excluded.updated_at, version = ${members}.version + 1`);
}
