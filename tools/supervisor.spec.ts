// The supervisor with real child processes: tiny node scripts that exit,
// crash or wait to be killed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Supervisor, type SupervisedApp } from './supervisor.js';

describe('Supervisor', () => {
  let dir: string;
  let supervisor: Supervisor | undefined;
  let said: string[];
  let gaveUp: string[];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-supervisor-'));
    said = [];
    gaveUp = [];
  });
  afterEach(async () => {
    await supervisor?.stop();
    supervisor = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function supervise(options: { maxRestarts?: number; windowMs?: number } = {}): Supervisor {
    supervisor = new Supervisor({
      maxRestarts: options.maxRestarts ?? 5,
      windowMs: options.windowMs ?? 60_000,
      firstBackoffMs: 20,
      maxBackoffMs: 100,
      stopTimeoutMs: 2_000,
      say: (line) => said.push(line),
      onGiveUp: (_app, reason) => gaveUp.push(reason),
    });
    return supervisor;
  }

  /** A script that counts its runs in a file, then runs `body`. */
  function app(name: string, body: string): SupervisedApp {
    const runs = path.join(dir, `${name}.runs`);
    const script = `
      const fs = require('node:fs');
      fs.appendFileSync(${JSON.stringify(runs)}, 'x');
      const run = fs.readFileSync(${JSON.stringify(runs)}, 'utf8').length;
      ${body}
    `;
    return { name, command: process.execPath, args: ['-e', script] };
  }

  const stayUp = 'setInterval(() => {}, 1000);';

  it('starts an app that died again, until it stays up', async () => {
    const s = supervise();
    s.start(app('flaky', `if (run < 3) process.exit(1); ${stayUp}`));
    await waitFor(() => s.starts('flaky') === 3 && s.pid('flaky') !== undefined);
    await sleep(300);
    expect(s.starts('flaky')).toBe(3);
    expect(
      said.filter((line) => /flaky stopped unexpectedly \(exit 1\); restarting/.test(line)),
    ).toHaveLength(2);
    expect(gaveUp).toEqual([]);
  });

  it('starts an app killed with SIGKILL again, as a new process', async () => {
    const s = supervise();
    s.start(app('victim', stayUp));
    await waitFor(() => s.pid('victim') !== undefined);
    const first = s.pid('victim')!;
    process.kill(first, 'SIGKILL');
    await waitFor(() => s.starts('victim') === 2 && s.pid('victim') !== undefined);
    expect(s.pid('victim')).not.toBe(first);
    expect(said.join('\n')).toMatch(/victim stopped unexpectedly \(SIGKILL\); restarting/);
  });

  it('gives up on a crash loop with a message that says so', async () => {
    const s = supervise({ maxRestarts: 3, windowMs: 60_000 });
    s.start(app('broken', 'process.exit(2);'));
    await waitFor(() => gaveUp.length === 1);
    await sleep(300);
    expect(s.starts('broken')).toBe(3);
    expect(gaveUp[0]).toMatch(/broken crashed 3 times within 60 s \(last: exit 2\)/);
    expect(s.pid('broken')).toBeUndefined();
  });

  it('forgets crashes older than the window', async () => {
    const s = supervise({ maxRestarts: 2, windowMs: 150 });
    // Each run lives longer than the window, so no two crashes fall into one.
    s.start(app('slow', `if (run < 4) setTimeout(() => process.exit(1), 250); else ${stayUp}`));
    await waitFor(() => s.starts('slow') === 4 && s.pid('slow') !== undefined, 10_000);
    expect(gaveUp).toEqual([]);
  });

  it('runs each app in a process group of its own, so a Ctrl-C at the terminal reaches only the launcher', async () => {
    const s = supervise();
    s.start(app('grouped', stayUp));
    await waitFor(() => s.pid('grouped') !== undefined);
    const pid = s.pid('grouped')!;
    expect(processGroupOf(pid)).toBe(pid);
    expect(processGroupOf(pid)).not.toBe(processGroupOf(process.pid));
  });

  it('restarts nothing once stopped, and stops what runs', async () => {
    const s = supervise();
    s.start(app('calm', stayUp));
    await waitFor(() => s.pid('calm') !== undefined);
    const pid = s.pid('calm')!;
    await s.stop();
    await sleep(200);
    expect(isAlive(pid)).toBe(false);
    expect(s.starts('calm')).toBe(1);
    expect(said).toEqual([]);
  });
});

/** The process group of a process, from /proc (field 5 of its stat line). */
function processGroupOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}
