// B6's load generator, a separate process: autocannon's API with a request list (each connection walks the list in
// turn, so the list's proportions are the mix). Reads the spec as JSON from argv, prints autocannon's result as JSON.
import { createRequire } from 'node:module';

type Autocannon = (opts: object, done: (err: Error | null, result: unknown) => void) => { stop(): void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

type Req = { method: string; path: string; headers: Record<string, string>; body?: string };
const spec = JSON.parse(process.argv[2]) as { url: string; connections: number; seconds: number; requests: Req[] };

const instance = autocannon(
  { url: spec.url, connections: spec.connections, duration: spec.seconds, timeout: 30, requests: spec.requests },
  (err, result) => {
    if (err) {
      console.error(err);
      process.exit(1);
    }
    process.stdout.write(JSON.stringify(result));
  },
);
process.once('SIGTERM', () => instance.stop());
