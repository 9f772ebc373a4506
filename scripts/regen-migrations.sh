#!/usr/bin/env bash
# `npm run db:generate -- <name>`: a new additive migration from the changes to the *.table.ts files. Installs of an
# earlier version upgrade by applying the migrations they lack, so committed migrations are never rewritten.
# flock: several developers may change tables at once.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: npm run db:generate -- <migration_name>}"
exec 9>/tmp/liangqi-migrations.lock
flock 9
npx drizzle-kit generate --name "$name" >/dev/null
echo "migration written: $(ls -t server/db/migrations/*.sql | head -1)"
