#!/usr/bin/env bash
# Until the first release lands, the schema is one migration (0000_init), regenerated from server/db/schema.ts.
# flock: several developers may change tables at once.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/liangqi-migrations.lock
flock 9
rm -rf server/db/migrations
npx drizzle-kit generate --name init >/dev/null
echo "migrations regenerated: $(ls server/db/migrations/*.sql)"
