// Keeps `npm start`'s apps running: an app that dies (a crash, an OOM kill,
// `kill -9`) is started again after a short backoff, and only a crash loop —
// maxRestarts crashes within windowMs — makes the supervisor give up on it and
// say why. Every line an app prints is passed on with its name in front.
// Each app runs in its own process group: a Ctrl-C at the terminal signals
// the whole foreground group at once, and the launcher must be the only one
// to hear it, so that it stops the apps first (the gateway seals the audit
// log on its way out) and the database after them.
import { spawn, type ChildProcess } from 'node:child_process';

export interface SupervisedApp {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface SupervisorOptions {
  /** Crashes of one app within windowMs at which the supervisor gives up on it. */
  maxRestarts: number;
  windowMs: number;
  /** Wait before the first restart; it doubles with each crash in the window. */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  /** The supervisor's own lines: restarts, giving up. */
  say: (line: string) => void;
  /** Each line an app writes to stdout or stderr. */
  output?: (app: string, line: string) => void;
  /** Called once per app the supervisor gave up on; `npm start` then stops everything. */
  onGiveUp?: (app: string, reason: string) => void;
  /** How long stop() waits for SIGTERM before SIGKILL. */
  stopTimeoutMs?: number;
}

interface Supervised {
  app: SupervisedApp;
  child: ChildProcess | null;
  crashes: number[];
  restartTimer: NodeJS.Timeout | null;
  /** Starts counted, for status lines and tests. */
  starts: number;
}

export class Supervisor {
  private readonly apps = new Map<string, Supervised>();
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {}

  start(app: SupervisedApp): void {
    if (this.apps.has(app.name)) throw new Error(`${app.name} is already supervised`);
    const entry: Supervised = {
      app,
      child: null,
      crashes: [],
      restartTimer: null,
      starts: 0,
    };
    this.apps.set(app.name, entry);
    this.launch(entry);
  }

  /** The running process of an app, if it is running now. */
  pid(name: string): number | undefined {
    return this.apps.get(name)?.child?.pid;
  }

  /** How many times the app was started (1 + restarts). */
  starts(name: string): number {
    return this.apps.get(name)?.starts ?? 0;
  }

  /** SIGTERM to every app, SIGKILL to those still running after stopTimeoutMs. */
  async stop(): Promise<void> {
    this.stopping = true;
    const running: ChildProcess[] = [];
    for (const entry of this.apps.values()) {
      if (entry.restartTimer) clearTimeout(entry.restartTimer);
      entry.restartTimer = null;
      if (entry.child && entry.child.exitCode === null && entry.child.signalCode === null)
        running.push(entry.child);
    }
    const exits = running.map(
      (child) => new Promise<void>((resolve) => child.once('exit', () => resolve())),
    );
    for (const child of running) child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.stopTimeoutMs ?? 10_000);
    });
    await Promise.race([Promise.all(exits), timedOut]);
    clearTimeout(timer);
    for (const child of running)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(exits);
  }

  private launch(entry: Supervised): void {
    const { app } = entry;
    const child = spawn(app.command, app.args, {
      cwd: app.cwd,
      env: app.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    entry.child = child;
    entry.starts++;
    for (const stream of [child.stdout!, child.stderr!]) {
      let pending = '';
      stream.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) this.options.output?.(app.name, line);
      });
    }
    // A failed spawn (no such file) reports 'error' and may never report 'exit'.
    let ended = false;
    const end = (how: string): void => {
      if (ended) return;
      ended = true;
      if (entry.child === child) entry.child = null;
      this.exited(entry, how);
    };
    child.once('error', (error) => end(`could not run: ${error.message}`));
    child.once('exit', (code, signal) => end(signal ?? `exit ${code}`));
  }

  private exited(entry: Supervised, how: string): void {
    if (this.stopping) return;
    const { name } = entry.app;
    const now = Date.now();
    const { maxRestarts, windowMs } = this.options;
    entry.crashes = entry.crashes.filter((at) => now - at < windowMs);
    entry.crashes.push(now);
    const seconds = Math.round(windowMs / 1000);
    if (entry.crashes.length >= maxRestarts) {
      const reason =
        `${name} crashed ${entry.crashes.length} times within ${seconds} s (last: ${how}); ` +
        'not restarting it again — see its log lines above';
      this.options.say(reason);
      this.options.onGiveUp?.(name, reason);
      return;
    }
    const first = this.options.firstBackoffMs ?? 500;
    const delay = Math.min(
      first * 2 ** (entry.crashes.length - 1),
      this.options.maxBackoffMs ?? 10_000,
    );
    this.options.say(
      `${name} stopped unexpectedly (${how}); restarting in ${(delay / 1000).toFixed(1)} s ` +
        `(${entry.crashes.length} of the ${maxRestarts} crashes within ${seconds} s that make it give up)`,
    );
    entry.restartTimer = setTimeout(() => {
      entry.restartTimer = null;
      if (!this.stopping) this.launch(entry);
    }, delay);
  }
}
