// The whole system as `npm start` runs it — embedded PostgreSQL, the embedded
// bus, the gateway and the five adapters, demo logins and demo citizens —
// started from dist/ on a block of free ports in a fresh data directory, and
// stopped with SIGINT as Ctrl-C would. What the console's browser tests and
// the console benchmark run against; dist/ must be built.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePortBlock } from './free-ports.ts';

const root = path.resolve(import.meta.dirname, '..');
const START_TIMEOUT_MS = 240_000;
/** The gateway, five adapters and the embedded PostgreSQL. */
const PORTS = 7;

export interface WholeSystem {
  /** The gateway's address, e.g. http://127.0.0.1:23456 (the console is at /console/). */
  url: string;
  /** Holds demo-credentials.json and system.log. */
  dataDir: string;
  stop(): Promise<void>;
}

export async function startWholeSystem(options: {
  demoCitizens: number;
  logLevel?: string;
}): Promise<WholeSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-system-'));
  const base = await freePortBlock(PORTS);
  const child = spawn(process.execPath, [path.join(root, 'dist/tools/start.js')], {
    cwd: root,
    env: {
      ...process.env,
      // As `npm start` runs it, also when started from a test runner's NODE_ENV=test.
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(base),
      ADAPTER_BASE_PORT: String(base + 1),
      EMBEDDED_POSTGRES_PORT: String(base + PORTS - 1),
      DEMO_CITIZENS: String(options.demoCitizens),
      LOG_LEVEL: options.logLevel ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.createWriteStream(path.join(dataDir, 'system.log'));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the system did not start within ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (/console at http/.test(seen)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the system exited (${code}) while starting:\n${seen}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${base}`, dataDir, stop };
}
