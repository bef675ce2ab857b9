// Everything the bench measures runs in its own child process — the gateway
// as `npm start` runs it (dist/), the bench-only gateways without audit and
// without record verification, the baselines, the adapters — so its resident
// memory and CPU can be read from /proc and no load generator shares its thread.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { distPath, fromDist, REPOSITORY_ROOT } from './dist.ts';
import type { Population } from './populations.ts';

export const ADAPTER_NAMES = ['interior', 'transport', 'land', 'commerce', 'tax'] as const;
export type AdapterKind = (typeof ADAPTER_NAMES)[number];

export type ServerKind =
  | 'gateway'
  | 'gateway-apollo-path'
  | 'gateway-without-audit'
  | 'gateway-without-verification'
  | 'bare-endpoint'
  | 'postgraphile'
  | AdapterKind;

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Resident set size now, in bytes (VmRSS); undefined once the process is gone. */
  rssBytes(): number | undefined;
  /** User + system CPU seconds used so far. */
  cpuSeconds(): number | undefined;
  /** SIGTERM, then wait for a clean exit (a CPU profile is written then). */
  stop(): Promise<void>;
}

export interface ServerStartOptions {
  population: Population;
  /** Per-process files (keys, profiles) go under here. */
  workDir: string;
  /** For adapters: the gateway whose keys verify their callers. */
  gatewayUrl?: string;
  cpuProfileDir?: string;
  /** Settings added to the process's environment (KAFKA_BROKERS, BUS_NAMESPACE …). */
  env?: Record<string, string>;
  log: (message: string) => void;
}

function entryOf(kind: ServerKind): string {
  switch (kind) {
    case 'gateway':
    case 'gateway-apollo-path':
      return distPath('apps/gateway/src/main.js');
    case 'gateway-without-audit':
      return path.join(REPOSITORY_ROOT, 'bench', 'gateway-without-audit.ts');
    case 'gateway-without-verification':
      return path.join(REPOSITORY_ROOT, 'bench', 'gateway-without-verification.ts');
    case 'bare-endpoint':
      return path.join(REPOSITORY_ROOT, 'bench', 'baselines', 'bare-endpoint.ts');
    case 'postgraphile':
      return path.join(REPOSITORY_ROOT, 'bench', 'baselines', 'postgraphile-server.ts');
    default:
      return distPath(`apps/${kind}/src/main.js`);
  }
}

/** Settings every Spean process reads; nothing of the runner's own environment leaks in. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];

/**
 * The environment every app under test starts from, the bench's and the fault
 * suite's: only INHERITED of ours leaks in; production mode, warnings only, on
 * 127.0.0.1, against this database.
 */
export function appEnvironment(database: {
  appUrl: string;
  migratorUrl: string;
}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) if (process.env[name]) env[name] = process.env[name];
  return Object.assign(env, {
    NODE_ENV: 'production',
    // One gateway process unless a run asks for more (bench --gateway-workers).
    GATEWAY_WORKERS: '1',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: database.appUrl,
    DATABASE_MIGRATION_URL: database.migratorUrl,
  });
}

export async function startServer(
  kind: ServerKind,
  options: ServerStartOptions,
): Promise<RunningServer> {
  const entry = entryOf(kind);
  if (!fs.existsSync(entry))
    throw new Error(`${path.relative(REPOSITORY_ROOT, entry)} is missing: run npm run build first`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(options.workDir, `${kind}-`));
  const env = appEnvironment(options.population);
  Object.assign(env, {
    PORT: String(port),
    DATA_DIR: dataDir,
    ...(kind.startsWith('gateway')
      ? {
          // The bench builds its lookup query from the gateway's own schema.
          GRAPHQL_INTROSPECTION: 'true',
          // One bench client stands for every desk in the country: the per-client
          // rate limit (still evaluated on every request) must not refuse it.
          GRAPHQL_RATE_LIMIT_PER_SECOND: '0',
        }
      : {}),
    ...(options.gatewayUrl ? { GATEWAY_URL: options.gatewayUrl } : {}),
    ...options.env,
  });
  // The gateway runs with the V8 flags every launcher gives it (npm start, the image).
  const { GATEWAY_NODE_FLAGS } = await fromDist<
    typeof import('../../apps/gateway/src/gateway.node-flags.ts')
  >('apps/gateway/src/gateway.node-flags.js');
  const args = [
    ...(kind.startsWith('gateway') ? GATEWAY_NODE_FLAGS : []),
    ...(options.cpuProfileDir
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${options.cpuProfileDir}`,
          `--cpu-prof-name=${kind}.cpuprofile`,
        ]
      : []),
    entry,
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPOSITORY_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = tail(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid!;
  return {
    kind,
    pid,
    url,
    // With GATEWAY_WORKERS above 1 the gateway is a primary and its workers: all of them count.
    rssBytes: () => overTree(pid, readRss),
    cpuSeconds: () => overTree(pid, readCpuSeconds),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The last lines a child wrote, to explain a failed start. */
function tail(child: ChildProcess): () => string {
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      lines.push(...chunk.split('\n').filter((line) => line.trim()));
      if (lines.length > 40) lines.splice(0, lines.length - 40);
    });
  }
  return () => lines.join('\n');
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`exited during start (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not healthy within 90 s:\n${output()}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A reading summed over a process and its children; undefined once the process is gone. */
function overTree(pid: number, read: (pid: number) => number | undefined): number | undefined {
  const own = read(pid);
  if (own === undefined) return undefined;
  return childrenOf(pid).reduce((sum, child) => sum + (read(child) ?? 0), own);
}

/** The pids whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid)
        children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** VmRSS of a process, in bytes. */
export function readRss(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** utime + stime of a process, in seconds (Linux counts them in clock ticks of 1/100 s). */
export function readCpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
