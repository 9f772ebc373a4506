import { eq } from 'drizzle-orm';
import { orgs } from '../platform/access/org.table.ts';
import { type Demo, type DemoOrg, insertChunked, type OrgSpec } from '../platform/seed.ts';
import { DEMO_TREE } from './demo.orgs.data.ts';

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Seeds the org tree of the mission text under the root: enterprises, their branches and 党小组. */
export async function seedOrgs(demo: Demo): Promise<void> {
  const [root] = await demo.ctx.db.select().from(orgs).where(eq(orgs.id, demo.rootId));
  const rows: (typeof orgs.$inferInsert)[] = [];
  const add = (parent: DemoOrg, spec: OrgSpec | null, name: string, sortOrder: number, extra: Partial<typeof orgs.$inferInsert>) => {
    const id = crypto.randomUUID();
    const o: DemoOrg = {
      id,
      parentId: parent.id,
      name,
      type: spec?.type ?? 'group',
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      spec,
    };
    demo.orgs.push(o);
    const now = demo.ctx.now;
    rows.push({
      ...extra,
      id,
      parentId: o.parentId,
      name,
      type: o.type,
      path: o.path,
      depth: o.depth,
      sortOrder,
      createdAt: now,
      updatedAt: now,
    });
    return o;
  };
  const walk = (parent: DemoOrg, specs: OrgSpec[], unitName: string | null) => {
    specs.forEach((spec, i) => {
      const unit = spec.unitName ?? unitName;
      const o = add(parent, spec, spec.name, i + 1, {
        unitName: unit,
        isEnterprise: spec.isEnterprise ?? false,
        temporary: spec.temporary ?? false,
        foundedOn: spec.foundedOn ?? null,
      });
      for (let g = 0; g < (spec.groups ?? 0); g++) add(o, null, `第${ORDINALS[g]}党小组`, g + 1, { unitName: unit });
      walk(o, spec.children ?? [], unit);
    });
  };
  const rootOrg: DemoOrg = {
    id: root.id,
    parentId: null,
    name: root.name,
    type: root.type,
    path: root.path,
    depth: root.depth,
    spec: null,
  };
  demo.orgs.push(rootOrg);
  walk(rootOrg, DEMO_TREE, null);
  await insertChunked(rows, 200, (chunk) => demo.ctx.db.insert(orgs).values(chunk));
}
