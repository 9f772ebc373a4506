import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is single-writer: hold `<dataDir>/liangqi.lock` (our pid) for the life of the process.
 * A live holder makes this throw at once; a stale lock (dead pid) is replaced.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'liangqi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new Error(
          `数据目录 ${dataDir} 正被另一个亮旗进程 (PID ${pid}) 使用，嵌入式数据库只允许一个进程打开。\n` +
            `The data directory ${dataDir} is in use by another liangqi process (PID ${pid}); the embedded database allows one process only.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`无法获取数据目录锁 / cannot lock ${file}`);
}
