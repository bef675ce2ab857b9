// The gateway and the five adapters as `npm start` runs them — each its own
// process from dist/ — on ports and data directories fixed for the whole run,
// so a restarted app is found where it was (adapters check tokens against the
// gateway's keys, which live in its data directory).
//
// Restarts are `npm start`'s own: every app runs under tools/supervisor.ts, the
// class that keeps `npm start`'s apps alive, so a kill here exercises the same
// restart path an operator relies on. Only its limits differ: a fault run
// kills apps on purpose many times a minute, so it never gives up on one.
import fs from 'node:fs';
import path from 'node:path';
import { distPath, fromDist, REPOSITORY_ROOT } from '../../bench/harness/dist.ts';
import { appEnvironment } from '../../bench/harness/servers.ts';
import type { Supervisor } from '../supervisor.ts';
import { stablePort } from './infrastructure.ts';
import { ADAPTER_TARGETS, type AppName } from './options.ts';

export const APP_NAMES: readonly AppName[] = ['gateway', ...ADAPTER_TARGETS];

export interface AppSupervisor {
  readonly gatewayUrl: string;
  urlOf(app: AppName): string;
  pid(app: AppName): number | undefined;
  /** SIGKILL; the supervisor starts the app again. Resolves once the old process is gone. */
  kill(app: AppName): Promise<void>;
  /** Resolves once every app answers GET /health with 200; names those that did not in time. */
  waitHealthy(
    timeoutMs: number,
    names?: readonly AppName[],
  ): Promise<{ healthy: boolean; unhealthy: AppName[] }>;
  /** Exits nobody asked for (crashes), per app, since the start. */
  unplannedExits(): Record<AppName, number>;
  stop(): Promise<void>;
}

/** Tokens outlive the longest run (the default 15 minutes could expire mid-run). */
const TOKEN_TTL_SECONDS = 4 * 3600;

interface ManagedApp {
  name: AppName;
  port: number;
  dataDir: string;
  /** Kills the harness made, so an exit beyond them is counted as a crash. */
  kills: number;
}

export class HarnessSupervisor implements AppSupervisor {
  private readonly apps: Map<AppName, ManagedApp>;
  private readonly env: Record<string, string>;
  private readonly logDir: string;
  private readonly nodeFlags: readonly string[];
  private readonly supervisor: Supervisor;
  private stopping = false;

  private constructor(
    apps: Map<AppName, ManagedApp>,
    env: Record<string, string>,
    logDir: string,
    nodeFlags: readonly string[],
    SupervisorClass: typeof Supervisor,
  ) {
    this.apps = apps;
    this.env = env;
    this.logDir = logDir;
    this.nodeFlags = nodeFlags;
    this.supervisor = new SupervisorClass({
      // Never give up: the harness kills on purpose, often.
      maxRestarts: Number.MAX_SAFE_INTEGER,
      windowMs: 60_000,
      firstBackoffMs: 250,
      maxBackoffMs: 2_000,
      say: (line) => this.note('supervisor', line),
      output: (app, line) => this.note(app, line),
      stopTimeoutMs: 15_000,
    });
  }

  /**
   * Starts every app against `databaseUrl` (and `kafkaBrokers` when set) and
   * waits until all are healthy. Each app's output goes to <workDir>/logs/<app>.log.
   */
  static async start(options: {
    workDir: string;
    databaseUrl: string;
    migratorUrl: string;
    kafkaBrokers?: string;
    busNamespace?: string;
  }): Promise<HarnessSupervisor> {
    for (const name of APP_NAMES) {
      const entry = distPath(`apps/${name}/src/main.js`);
      if (!fs.existsSync(entry))
        throw new Error(`${path.relative(REPOSITORY_ROOT, entry)} is missing: run npm run build`);
    }
    const apps = new Map<AppName, ManagedApp>();
    for (const name of APP_NAMES) {
      const dataDir = path.join(options.workDir, 'apps', name);
      fs.mkdirSync(dataDir, { recursive: true });
      apps.set(name, {
        name,
        port: await stablePort(),
        dataDir,
        kills: 0,
      });
    }
    const env = appEnvironment({ appUrl: options.databaseUrl, migratorUrl: options.migratorUrl });
    Object.assign(env, {
      TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
      GATEWAY_URL: `http://127.0.0.1:${apps.get('gateway')!.port}`,
      ...(options.kafkaBrokers ? { KAFKA_BROKERS: options.kafkaBrokers } : {}),
      ...(options.busNamespace ? { BUS_NAMESPACE: options.busNamespace } : {}),
    });
    const { GATEWAY_NODE_FLAGS } = await fromDist<
      typeof import('../../apps/gateway/src/gateway.node-flags.ts')
    >('apps/gateway/src/gateway.node-flags.js');
    const { Supervisor } = await fromDist<typeof import('../supervisor.ts')>('tools/supervisor.js');
    const logDir = path.join(options.workDir, 'logs');
    fs.mkdirSync(logDir, { recursive: true });
    const supervisor = new HarnessSupervisor(apps, env, logDir, GATEWAY_NODE_FLAGS, Supervisor);
    // The gateway first: adapters fetch its keys as they start.
    supervisor.launch(apps.get('gateway')!);
    const gateway = await supervisor.waitHealthy(90_000, ['gateway']);
    for (const app of apps.values()) if (app.name !== 'gateway') supervisor.launch(app);
    const all = await supervisor.waitHealthy(120_000);
    if (!gateway.healthy || !all.healthy) {
      await supervisor.stop();
      throw new Error(
        `not healthy within the start-up time: ${all.unhealthy.join(', ')} (see ${logDir})`,
      );
    }
    return supervisor;
  }

  get gatewayUrl(): string {
    return this.urlOf('gateway');
  }

  urlOf(app: AppName): string {
    return `http://127.0.0.1:${this.apps.get(app)!.port}`;
  }

  pid(app: AppName): number | undefined {
    return this.supervisor.pid(app);
  }

  async kill(name: AppName): Promise<void> {
    const pid = this.supervisor.pid(name);
    if (pid === undefined) return;
    this.apps.get(name)!.kills++;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      return; // gone already
    }
    // Gone once the supervisor has seen it exit (it forgets the pid) or started another.
    while (this.supervisor.pid(name) === pid) await new Promise((r) => setTimeout(r, 20));
  }

  async waitHealthy(
    timeoutMs: number,
    names: readonly AppName[] = APP_NAMES,
  ): Promise<{ healthy: boolean; unhealthy: AppName[] }> {
    const deadline = Date.now() + timeoutMs;
    let unhealthy = [...names];
    while (unhealthy.length > 0 && Date.now() < deadline && !this.stopping) {
      const answers = await Promise.all(unhealthy.map((name) => this.isHealthy(name)));
      unhealthy = unhealthy.filter((_, i) => !answers[i]);
      if (unhealthy.length > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { healthy: unhealthy.length === 0, unhealthy };
  }

  unplannedExits(): Record<AppName, number> {
    return Object.fromEntries(
      [...this.apps.values()].map((app) => [
        app.name,
        // Every start after the first followed an exit; those the harness did not cause are crashes.
        Math.max(0, this.supervisor.starts(app.name) - 1 - app.kills),
      ]),
    ) as Record<AppName, number>;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.supervisor.stop();
    for (const log of this.logs.values()) fs.closeSync(log);
    this.logs.clear();
  }

  private async isHealthy(name: AppName): Promise<boolean> {
    try {
      const response = await fetch(`${this.urlOf(name)}/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  private launch(app: ManagedApp): void {
    fs.writeSync(this.logOf(app.name), `--- started at ${new Date().toISOString()}\n`);
    this.supervisor.start({
      name: app.name,
      command: process.execPath,
      args: [
        ...(app.name === 'gateway' ? this.nodeFlags : []),
        distPath(`apps/${app.name}/src/main.js`),
      ],
      cwd: REPOSITORY_ROOT,
      env: { ...this.env, PORT: String(app.port), DATA_DIR: app.dataDir },
    });
  }

  private readonly logs = new Map<string, number>();

  /** Each app's lines, and the supervisor's, go to <workDir>/logs/<name>.log. */
  private note(name: string, line: string): void {
    if (this.stopping && !this.logs.has(name)) return;
    fs.writeSync(this.logOf(name), `${line}\n`);
  }

  private logOf(name: string): number {
    let log = this.logs.get(name);
    if (log === undefined) {
      log = fs.openSync(path.join(this.logDir, `${name}.log`), 'a');
      this.logs.set(name, log);
    }
    return log;
  }
}
