// The gateway and the five adapters as `npm start` runs them — each its own
// process from dist/ — on ports and data directories fixed for the whole run,
// so a restarted app is found where it was (adapters check tokens against the
// gateway's keys, which live in its data directory).
//
// `npm start` does not restart an app that dies (it stops everything), so the
// harness stands in for a supervisor: any app that exits, killed by the
// harness or crashed on its own (say, while PostgreSQL is down), is started
// again after a short back-off. Once `npm start` restarts its apps itself,
// an implementation of AppSupervisor that spawns `dist/tools/start.js` and
// finds its children's pids by their ports can replace this one; nothing
// else in the harness changes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { distPath, fromDist, REPOSITORY_ROOT } from '../../bench/harness/dist.ts';
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

/** Settings every Spean process reads; nothing else of the harness's environment leaks in. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];
/** Tokens outlive the longest run (the default 15 minutes could expire mid-run). */
const TOKEN_TTL_SECONDS = 4 * 3600;
const MAX_RESTART_DELAY_MS = 2_000;

interface ManagedApp {
  name: AppName;
  port: number;
  dataDir: string;
  child?: ChildProcess;
  /** Set just before the harness kills it, so the exit is not counted as a crash. */
  killing: boolean;
  unplannedExits: number;
  restartDelayMs: number;
  restartTimer?: NodeJS.Timeout;
}

export class HarnessSupervisor implements AppSupervisor {
  private readonly apps: Map<AppName, ManagedApp>;
  private readonly env: Record<string, string>;
  private readonly logDir: string;
  private readonly nodeFlags: readonly string[];
  private stopping = false;

  private constructor(
    apps: Map<AppName, ManagedApp>,
    env: Record<string, string>,
    logDir: string,
    nodeFlags: readonly string[],
  ) {
    this.apps = apps;
    this.env = env;
    this.logDir = logDir;
    this.nodeFlags = nodeFlags;
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
        killing: false,
        unplannedExits: 0,
        restartDelayMs: 250,
      });
    }
    const env: Record<string, string> = {};
    for (const name of INHERITED) if (process.env[name]) env[name] = process.env[name];
    Object.assign(env, {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      DATABASE_MIGRATION_URL: options.migratorUrl,
      TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
      GATEWAY_URL: `http://127.0.0.1:${apps.get('gateway')!.port}`,
      ...(options.kafkaBrokers ? { KAFKA_BROKERS: options.kafkaBrokers } : {}),
      ...(options.busNamespace ? { BUS_NAMESPACE: options.busNamespace } : {}),
    });
    const { GATEWAY_NODE_FLAGS } = await fromDist<
      typeof import('../../apps/gateway/src/gateway.node-flags.ts')
    >('apps/gateway/src/gateway.node-flags.js');
    const logDir = path.join(options.workDir, 'logs');
    fs.mkdirSync(logDir, { recursive: true });
    const supervisor = new HarnessSupervisor(apps, env, logDir, GATEWAY_NODE_FLAGS);
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
    return this.apps.get(app)!.child?.pid;
  }

  async kill(name: AppName): Promise<void> {
    const app = this.apps.get(name)!;
    const child = app.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    app.killing = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
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
      [...this.apps.values()].map((app) => [app.name, app.unplannedExits]),
    ) as Record<AppName, number>;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const adapters = [...this.apps.values()].filter((app) => app.name !== 'gateway');
    // Adapters first: the gateway serves the keys their callers' tokens are checked with.
    await Promise.all(adapters.map((app) => this.terminate(app)));
    await this.terminate(this.apps.get('gateway')!);
  }

  private async terminate(app: ManagedApp): Promise<void> {
    clearTimeout(app.restartTimer);
    const child = app.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
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
    const log = fs.openSync(path.join(this.logDir, `${app.name}.log`), 'a');
    fs.writeSync(log, `--- started at ${new Date().toISOString()}\n`);
    const child = spawn(
      process.execPath,
      [...(app.name === 'gateway' ? this.nodeFlags : []), distPath(`apps/${app.name}/src/main.js`)],
      {
        cwd: REPOSITORY_ROOT,
        env: { ...this.env, PORT: String(app.port), DATA_DIR: app.dataDir },
        stdio: ['ignore', log, log],
      },
    );
    fs.closeSync(log);
    app.child = child;
    const startedAt = Date.now();
    child.once('exit', () => {
      if (this.stopping) return;
      if (!app.killing) app.unplannedExits++;
      app.killing = false;
      // An app that ran a while is restarted at once; one that keeps dying
      // at start-up (its database is still down) backs off to 2 s.
      app.restartDelayMs =
        Date.now() - startedAt > 10_000
          ? 250
          : Math.min(app.restartDelayMs * 2, MAX_RESTART_DELAY_MS);
      app.restartTimer = setTimeout(() => this.launch(app), app.restartDelayMs);
    });
  }
}
