// The two servers the fault suite kills: PostgreSQL (embedded, durable
// settings as `npm start` runs it) and the Kafka broker (a single KRaft node,
// tools/kafka-local.ts). Each is killed with SIGKILL — no shutdown of any
// kind — and restarted on the same data directory and the same port, so the
// apps that lost it can find it again where it was.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '#spean/persistence';
import { startKafka, startKafkaOnSomePort, type RunningKafka } from '../kafka-local.ts';

export class ChaosPostgres {
  readonly dataDir: string;
  readonly port: number;
  private server: RunningPostgres;

  private constructor(dataDir: string, port: number, server: RunningPostgres) {
    this.dataDir = dataDir;
    this.port = port;
    this.server = server;
  }

  static async start(dataDir: string, port: number): Promise<ChaosPostgres> {
    // PostgreSQL runs as an unprivileged user when we are root: it must reach its cluster.
    fs.mkdirSync(dataDir, { recursive: true });
    fs.chmodSync(dataDir, 0o755);
    return new ChaosPostgres(dataDir, port, await startEmbeddedPostgres({ dataDir, port }));
  }

  get running(): RunningPostgres {
    return this.server;
  }

  /** The postmaster's pid, from its pid file. */
  pid(): number | undefined {
    try {
      const pidFile = path.join(this.dataDir, 'postgres', 'postmaster.pid');
      const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * SIGKILL to the postmaster and every backend at once, as a power cut
   * would leave it: no checkpoint, crash recovery from the WAL on restart.
   * (A postmaster killed alone leaves backends holding its shared memory,
   * which would refuse the restart.)
   */
  async kill(): Promise<void> {
    const postmaster = this.pid();
    if (postmaster === undefined) throw new Error('PostgreSQL is not running');
    const victims = [postmaster, ...childrenOf(postmaster)];
    for (const pid of victims) signal(pid, 'SIGKILL');
    await waitForExit(victims, 10_000);
  }

  async restart(): Promise<void> {
    this.server = await startEmbeddedPostgres({ dataDir: this.dataDir, port: this.port });
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}

export class ChaosKafka {
  private running: RunningKafka;
  private readonly options: { dataDir: string; port: number; libDir: string };

  private constructor(
    running: RunningKafka,
    options: { dataDir: string; port: number; libDir: string },
  ) {
    this.running = running;
    this.options = options;
  }

  static async start(options: {
    dataDir: string;
    libDir: string;
    log: (line: string) => void;
  }): Promise<ChaosKafka> {
    const { running, port } = await startKafkaOnSomePort({
      dataDir: options.dataDir,
      libDir: options.libDir,
      readyTimeoutMs: 120_000,
      log: options.log,
    });
    return new ChaosKafka(running, { dataDir: options.dataDir, port, libDir: options.libDir });
  }

  get brokers(): string {
    return this.running.brokers;
  }

  pid(): number {
    return this.running.pid;
  }

  async kill(): Promise<void> {
    signal(this.running.pid, 'SIGKILL');
    await this.running.exited;
  }

  async restart(): Promise<void> {
    this.running = await startKafka({ ...this.options, readyTimeoutMs: 120_000 });
  }

  async stop(): Promise<void> {
    await this.running.stop();
  }
}

/** Pids of a process's direct children, from /proc. */
export function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A killed child of ours stays a zombie until reaped: count it as gone.
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitForExit(pids: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isAlive)) {
    if (Date.now() > deadline) throw new Error(`processes ${pids.join(', ')} outlived SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const taken = new Set<number>();

/**
 * A free port for a server the harness restarts on the same port: below
 * Linux's ephemeral range (32768+), so no outgoing connection takes it
 * while its server is down, and above the range the Kafka test setup uses.
 */
export async function stablePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 30_100 + Math.floor(Math.random() * 2_600);
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('no free port between 30100 and 32700');
}
