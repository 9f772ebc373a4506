import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A received upload waiting in `<filesDir>/tmp` for its checks. */
export type TempFile = { tmpPath: string; size: number; sha256: string };

/** Streams an upload to a temp file, hashing while it flows; a failed or truncated stream leaves nothing behind. */
export async function receiveToTemp(filesDir: string, source: Readable): Promise<TempFile> {
  const dir = path.join(filesDir, 'tmp');
  await mkdir(dir, { recursive: true });
  const tmpPath = path.join(dir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }));
  } catch (e) {
    await removeQuietly(tmpPath);
    throw e;
  }
  return { tmpPath, size, sha256: hash.digest('hex') };
}

/** A new server-generated storage name: `<2 hex>/<uuid>`, never derived from anything the client sent. */
export function newStorageName(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

const STORAGE_NAME = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where a stored file lives; refuses any name that is not `<2 hex>/<uuid>` before touching a path (no `..` ever). */
export function storagePath(filesDir: string, storageName: string): string {
  if (!STORAGE_NAME.test(storageName)) throw new Error(`invalid storage name: ${JSON.stringify(storageName)}`);
  return path.join(filesDir, ...storageName.split('/'));
}

/** Moves a checked temp file to its final place (same file system: an atomic rename). */
export async function commitTemp(filesDir: string, tmpPath: string, storageName: string): Promise<string> {
  const dest = storagePath(filesDir, storageName);
  await mkdir(path.dirname(dest), { recursive: true });
  await rename(tmpPath, dest);
  return dest;
}

/** The stored bytes and their SHA-256, or null when the file is gone. */
export async function readStored(filesDir: string, storageName: string): Promise<{ data: Buffer; sha256: string } | null> {
  try {
    const data = await readFile(storagePath(filesDir, storageName));
    return { data, sha256: createHash('sha256').update(data).digest('hex') };
  } catch {
    return null;
  }
}

export async function removeQuietly(p: string): Promise<void> {
  await rm(p, { force: true }).catch(() => {});
}
