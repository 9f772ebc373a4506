#!/usr/bin/env node
// Merge aid for issue 12 (module manifest): rewrites relative imports that still name a file at its old place to
// its new place, in server/, common/, web/src/, bench/, e2e/ and scripts/. Idempotent; run after merging a branch
// that was cut before the moves, then `npx tsc -p tsconfig.json --noEmit`. Delete once every branch is merged.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MOVED = {
  'server/modules/org/org.table.ts': 'server/platform/access/org.table.ts',
  'server/modules/user/user.table.ts': 'server/platform/auth/user.table.ts',
  'server/modules/org/org.rules.ts': 'server/modules/establishment/establishment.rules.ts',
  'server/modules/org/org.warnings.service.ts': 'server/modules/establishment/establishment.service.ts',
  'server/modules/org/org.warnings.routes.ts': 'server/modules/establishment/establishment.routes.ts',
  'server/modules/committee/committee.job.ts': 'server/modules/committee/committee.jobs.ts',
  'server/modules/fivegood/fivegood.job.ts': 'server/modules/fivegood/fivegood.jobs.ts',
  'server/modules/member/member.job.ts': 'server/modules/member/member.jobs.ts',
  'server/platform/files/files.job.ts': 'server/platform/files/files.jobs.ts',
  'server/demo/demo.context.ts': 'server/platform/seed.ts',
  'server/demo/meetings.seed.ts': 'server/modules/meeting/meeting.seed.ts',
  'server/demo/meetings.seed.data.ts': 'server/modules/meeting/meeting.seed.data.ts',
  'server/demo/transfers.seed.ts': 'server/modules/transfer/transfer.seed.ts',
  'server/demo/members.seed.ts': 'server/modules/member/member.seed.ts',
  'server/demo/study.seed.ts': 'server/modules/study/study.seed.ts',
  'server/demo/study.seed.data.ts': 'server/modules/study/study.seed.data.ts',
  'server/demo/fivegood.seed.ts': 'server/modules/fivegood/fivegood.seed.ts',
  'web/src/features/org/api.ts': 'web/src/lib/org-api.ts',
  'web/src/features/org/tree.ts': 'web/src/lib/org-tree.ts',
  'web/src/features/org/warnings-api.ts': 'web/src/lib/org-warnings-api.ts',
  'web/src/features/org/components/org-select.tsx': 'web/src/components/org-select.tsx',
  'web/src/features/org/components/org-tree.tsx': 'web/src/components/org-tree.tsx',
  'web/src/features/org/components/org-warning-badges.tsx': 'web/src/components/org-warning-badges.tsx',
  'web/src/features/files/api.ts': 'web/src/lib/files-api.ts',
  'web/src/features/files/components/attachments.tsx': 'web/src/components/attachments.tsx',
  'web/src/features/notify/api.ts': 'web/src/lib/notify-api.ts',
  'web/src/features/notify/components/notification-bell.tsx': 'web/src/components/notification-bell.tsx',
  'web/src/features/transfer/api.ts': 'web/src/lib/transfer-api.ts',
  'web/src/features/transfer/components/member-transfers.tsx': 'web/src/components/member-transfers.tsx',
  'web/src/features/transfer/components/transfer-tag.tsx': 'web/src/components/transfer-tag.tsx',
};

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const spec = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)(['"])/g;

function* files(dir) {
  if (!existsSync(dir)) return;
  for (const n of readdirSync(dir)) {
    const p = path.join(dir, n);
    if (n === 'node_modules' || n === 'dist' || n === 'migrations') continue;
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts|mjs)$/.test(n)) yield p;
  }
}

let changed = 0;
for (const d of ['server', 'common', 'web/src', 'bench', 'e2e', 'scripts']) {
  for (const file of files(path.join(root, d))) {
    const text = readFileSync(file, 'utf8');
    const next = text.replace(spec, (all, pre, target, post) => {
      const abs = path.relative(root, path.resolve(path.dirname(file), target));
      const to = MOVED[abs];
      if (!to || existsSync(path.join(root, abs))) return all;
      let rel = path.relative(path.dirname(file), path.join(root, to));
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return pre + rel + post;
    });
    if (next !== text) {
      writeFileSync(file, next);
      changed++;
      console.log(path.relative(root, file));
    }
  }
}
console.log(`${changed} file(s) rewritten`);
