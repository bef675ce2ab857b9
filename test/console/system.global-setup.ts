// Builds Spean (the console included) and starts the whole system as
// `npm start` does, on free ports in a fresh data directory (see
// tools/whole-system.ts). The tests read where it runs from the environment
// this sets; the returned teardown stops it with SIGINT, as Ctrl-C would.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startWholeSystem } from '../../tools/whole-system.ts';
import { lockDist } from '../support/dist-lock.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  const release = await lockDist();
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  } finally {
    release();
  }
  const system = await startWholeSystem({ demoCitizens: 40 });
  process.env.SPEAN_CONSOLE_URL = system.url;
  process.env.SPEAN_DATA_DIR = system.dataDir;
  return system.stop;
}
