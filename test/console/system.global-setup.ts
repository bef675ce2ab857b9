// Builds Spean (the console included) and starts the whole system as
// `npm start` does — embedded PostgreSQL, the embedded bus, the gateway and
// the five adapters, demo logins and demo citizens — on free ports, in a
// fresh data directory. The tests read where it runs from the environment
// this sets; the returned teardown stops it with SIGINT, as Ctrl-C would.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { lockDist } from '../support/dist-lock.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 240_000;

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A base port with `count` free ports from it. */
async function freePorts(count: number): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all(Array.from({ length: count }, (_, i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const release = await lockDist();
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  } finally {
    release();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-console-'));
  const base = await freePorts(7);
  const gatewayPort = base;
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(gatewayPort),
    ADAPTER_BASE_PORT: String(base + 1),
    EMBEDDED_POSTGRES_PORT: String(base + 6),
    DEMO_CITIZENS: '40',
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, [path.join(root, 'dist/tools/start.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.createWriteStream(path.join(dataDir, 'system.log'));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
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
  process.env.SPEAN_CONSOLE_URL = `http://127.0.0.1:${gatewayPort}`;
  process.env.SPEAN_DATA_DIR = dataDir;
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
