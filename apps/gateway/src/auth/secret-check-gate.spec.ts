import { describe, expect, it } from '@jest/globals';
import { GATE_FULL, SecretCheckGate } from './secret-check-gate.js';

/** A piece of work that finishes when told to. */
function pending(): { work: () => Promise<string>; finish: (value: string) => void } {
  let finish!: (value: string) => void;
  const done = new Promise<string>((resolve) => (finish = resolve));
  return { work: () => done, finish };
}

describe('SecretCheckGate', () => {
  it('runs at most maxActive at once, queues up to maxWaiting, and refuses past that', async () => {
    const gate = new SecretCheckGate(2, 1);
    const [a, b, c] = [pending(), pending(), pending()];
    const runA = gate.run(a.work);
    const runB = gate.run(b.work);
    const runC = gate.run(c.work);
    expect(gate.load).toEqual({ active: 2, waiting: 1 });
    await expect(gate.run(async () => 'd')).resolves.toBe(GATE_FULL);
    a.finish('a');
    await expect(runA).resolves.toBe('a');
    expect(gate.load).toEqual({ active: 2, waiting: 0 });
    b.finish('b');
    c.finish('c');
    await expect(Promise.all([runB, runC])).resolves.toEqual(['b', 'c']);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('serves callers marked last only when no one else waits', async () => {
    const gate = new SecretCheckGate(1, 10);
    const first = pending();
    const order: string[] = [];
    const running = gate.run(first.work);
    const suspect = gate.run(async () => order.push('suspect'), true);
    const normal = gate.run(async () => order.push('normal'));
    first.finish('first');
    await Promise.all([running, suspect, normal]);
    expect(order).toEqual(['normal', 'suspect']);
  });

  it('frees the slot when the work fails', async () => {
    const gate = new SecretCheckGate(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});
