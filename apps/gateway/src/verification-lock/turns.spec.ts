import { describe, expect, it } from '@jest/globals';
import { Turns } from './turns.js';

describe('Turns', () => {
  it('runs the work of one key one at a time, in the order asked, and forgets the key after', async () => {
    const turns = new Turns();
    const log: string[] = [];
    const step = (name: string, ms: number) => () =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          resolve(name);
        }, ms);
      });
    const results = await Promise.all([
      turns.run('a', step('a1', 30)),
      turns.run('a', step('a2', 1)),
      turns.run('b', step('b1', 5)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
    await Promise.resolve();
    expect(turns.size).toBe(0);
  });

  it('goes on with the next turn when one fails', async () => {
    const turns = new Turns();
    const failed = turns.run('a', () => Promise.reject(new Error('boom')));
    const next = turns.run('a', () => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
