// One lock on dist/ per checkout. `npm run build` rewrites dist/ in place, so a
// suite that builds and then runs what it built (the quick benches, the quick
// fault runs) must not overlap another's build: jest runs two workers, and one
// could load a file of dist/ while the other's build has it truncated. The lock
// is a directory in the temporary folder named after this checkout, held for
// the whole of a run; a lock whose holder has died is taken over.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const lockDir = path.join(
  os.tmpdir(),
  `spean-quick-bench-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`,
);

/** Waits for, then takes, the lock on dist/ for this checkout; returns its release. */
export async function lockDist(): Promise<() => void> {
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return () => fs.rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (holderIsGone()) fs.rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** True when the process that took the lock has ended without releasing it. */
function holderIsGone(): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
  } catch {
    // Taken a moment ago and its pid not yet written — or its taker died in
    // between, which only the lock's age tells.
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs > 10_000;
    } catch {
      return false; // released meanwhile
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
