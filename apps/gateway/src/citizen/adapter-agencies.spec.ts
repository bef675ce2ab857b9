import { describe, expect, it } from '@jest/globals';
import { AdapterAgencies } from './adapter-agencies.js';

/** A registry of two adapters that records what it is asked. */
function registry() {
  const asked: string[][] = [];
  const registered = new Map([
    ['interior', 'moi'],
    ['transport', 'mpwt'],
  ]);
  return {
    asked,
    agenciesOf: (names: readonly string[]) => {
      asked.push([...names]);
      return Promise.resolve(new Map([...registered].filter(([name]) => names.includes(name))));
    },
  };
}

describe('AdapterAgencies', () => {
  it('asks the registry once per adapter, then answers from memory', async () => {
    const fake = registry();
    const agencies = new AdapterAgencies(fake);
    expect((await agencies.of(['interior', 'interior'])).get('interior')).toBe('moi');
    const both = await agencies.of(['interior', 'transport']);
    expect([both.get('interior'), both.get('transport')]).toEqual(['moi', 'mpwt']);
    await agencies.of(['transport', 'interior']);
    expect(fake.asked).toEqual([['interior'], ['transport']]);
  });

  it('asks again about an adapter not registered yet: it may be registered later', async () => {
    const fake = registry();
    const agencies = new AdapterAgencies(fake);
    expect((await agencies.of(['fleet'])).has('fleet')).toBe(false);
    await agencies.of(['fleet']);
    expect(fake.asked).toEqual([['fleet'], ['fleet']]);
  });
});
