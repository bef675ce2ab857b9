import { describe, expect, it } from '@jest/globals';
import { Metrics, type OpenDeadLetterCount } from './metrics.js';

describe('spean_dead_letters_open', () => {
  it('reads the counts on each scrape, keeps emptied series at 0, and survives a failing source', async () => {
    const metrics = new Metrics('test');
    let counts: OpenDeadLetterCount[] | Error = [
      { group: 'gateway', code: 'not-json', count: 2 },
      { group: 'tax', code: 'schema-invalid', count: 1 },
    ];
    metrics.observeOpenDeadLetters(async () => {
      if (counts instanceof Error) throw counts;
      return counts;
    });
    const scrape = async (): Promise<string[]> =>
      (await metrics.registry.metrics())
        .split('\n')
        .filter((line) => line.startsWith('spean_dead_letters_open{'));

    expect(await scrape()).toEqual([
      'spean_dead_letters_open{group="gateway",code="not-json",app="test"} 2',
      'spean_dead_letters_open{group="tax",code="schema-invalid",app="test"} 1',
    ]);
    counts = [{ group: 'tax', code: 'schema-invalid', count: 3 }];
    expect(await scrape()).toEqual([
      'spean_dead_letters_open{group="gateway",code="not-json",app="test"} 0',
      'spean_dead_letters_open{group="tax",code="schema-invalid",app="test"} 3',
    ]);
    counts = new Error('database away');
    expect(await scrape()).toHaveLength(2);
  });

  it('reports nothing where no store is observed (the adapters)', async () => {
    const text = await new Metrics('tax').registry.metrics();
    expect(text).not.toMatch(/^spean_dead_letters_open\{/m);
  });
});
