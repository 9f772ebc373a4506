import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // every table, found by its suffix: a module's tables need no line in a list
  schema: ['./server/platform/*/*.table.ts', './server/modules/*/*.table.ts'],
  out: './server/db/migrations',
});
