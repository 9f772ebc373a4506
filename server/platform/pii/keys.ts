import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Keys derived from the master secret with HMAC-SM3, one per purpose, so no key serves two uses. */
export type Keys = {
  version: number;
  session: Buffer;
  piiEnc: (version: number) => Buffer;
  piiMac: (version: number) => Buffer;
  blindIndex: Buffer;
};

function derive(master: Buffer, label: string, len: number): Buffer {
  return createHmac('sm3', master).update(label).digest().subarray(0, len);
}

/** Derives once per label: large imports encrypt tens of thousands of values. */
function memo(fn: (v: number) => Buffer): (v: number) => Buffer {
  const cache = new Map<number, Buffer>();
  return (v) => {
    let k = cache.get(v);
    if (!k) {
      k = fn(v);
      cache.set(v, k);
    }
    return k;
  };
}

export function deriveKeys(master: string): Keys {
  const m = Buffer.from(master, 'utf8');
  return {
    version: 1,
    session: derive(m, 'liangqi/session', 32),
    piiEnc: memo((v) => derive(m, `liangqi/pii-enc/v${v}`, 16)),
    piiMac: memo((v) => derive(m, `liangqi/pii-mac/v${v}`, 32)),
    blindIndex: derive(m, 'liangqi/blind-index/v1', 32),
  };
}

/**
 * The master key: LIANGQI_SECRET_KEY, or (embedded mode, not production) a random key generated once into
 * `<dataDir>/secret.key` with mode 0600.
 */
export function loadMasterKey(opts: { secretKey?: string; dataDir: string; production: boolean }): string {
  if (opts.secretKey) return opts.secretKey;
  if (opts.production) {
    throw new Error('生产环境必须设置 LIANGQI_SECRET_KEY / LIANGQI_SECRET_KEY is required in production');
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
