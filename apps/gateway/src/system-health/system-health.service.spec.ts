// What the health answer says when every part answers, when the database or
// the bus does not, and when an adapter waits, lags or leaves dead letters.
import { describe, expect, it } from '@jest/globals';
import type { AdapterDirectoryEntry } from '#spean/adapter-registry';
import type { ConsumerGroupLag } from '../consumer-lag/consumer-lag.service.js';
import { LAG_SECONDS_LIMIT, SystemHealthService } from './system-health.service.js';

const NOW = new Date('2026-12-07T10:00:00Z');

function lag(group: string, kind: ConsumerGroupLag['kind'], over: Partial<ConsumerGroupLag> = {}) {
  return {
    group,
    kind,
    topics: [],
    messages: 0,
    seconds: 0,
    oldestUnconsumedAt: null,
    error: null,
    ...over,
  } as ConsumerGroupLag;
}

function adapter(name: string, over: Partial<AdapterDirectoryEntry> = {}) {
  return {
    name,
    state: 'approved',
    deadLetters: 0,
    consumerLag: 0,
    ...over,
  } as AdapterDirectoryEntry;
}

function service(parts: {
  database?: boolean | Error;
  bus?: boolean;
  lags?: ConsumerGroupLag[];
  adapters?: AdapterDirectoryEntry[];
}) {
  return new SystemHealthService(
    {
      database: {
        isHealthy: () =>
          parts.database instanceof Error
            ? Promise.reject(parts.database)
            : Promise.resolve(parts.database ?? true),
      },
      bus: { isHealthy: () => Promise.resolve(parts.bus ?? true) },
      lag: { lag: () => Promise.resolve(parts.lags ?? [lag('gateway', 'read-model')]) },
      directory: { list: () => Promise.resolve(parts.adapters ?? []) },
    },
    () => NOW,
  );
}

describe('SystemHealthService', () => {
  it('is healthy when the database, bus, read model and adapters are', async () => {
    const health = await service({
      lags: [lag('gateway', 'read-model'), lag('tax', 'adapter', { messages: 2, seconds: 1.5 })],
      adapters: [adapter('tax')],
    }).health();
    expect(health.healthy).toBe(true);
    expect(health.checkedAt).toEqual(NOW);
    expect(health.components.map((component) => [component.name, component.kind])).toEqual([
      ['gateway', 'gateway'],
      ['database', 'database'],
      ['bus', 'bus'],
      ['gateway', 'read-model'],
      ['tax', 'adapter'],
    ]);
    expect(health.components[4]).toMatchObject({
      healthy: true,
      state: 'approved',
      lagMessages: 2,
      lagSeconds: 1.5,
      deadLetters: 0,
      problems: [],
    });
  });

  it('says the gateway is not ready when the database fails, and reads nothing more', async () => {
    const health = await service({ database: new Error('connection refused') }).health();
    expect(health.healthy).toBe(false);
    expect(health.components).toHaveLength(3);
    expect(health.components[0]!.problems).toEqual(['the database does not answer']);
    expect(health.components[1]).toMatchObject({ healthy: false, problems: ['does not answer'] });
  });

  it('names the bus when it does not answer', async () => {
    const health = await service({ bus: false }).health();
    expect(health.healthy).toBe(false);
    expect(health.components[0]!.problems).toEqual(['the bus does not answer']);
    expect(health.components[2]!.healthy).toBe(false);
  });

  it('lists what is wrong with an adapter: its state, its lag, its dead letters', async () => {
    const health = await service({
      lags: [
        lag('gateway', 'read-model'),
        lag('fleet', 'adapter', { messages: 40, seconds: LAG_SECONDS_LIMIT + 60 }),
        lag('land', 'adapter', { messages: null, seconds: null, error: 'the bus did not answer' }),
      ],
      adapters: [adapter('fleet', { state: 'suspended', deadLetters: 3 }), adapter('land')],
    }).health();
    expect(health.healthy).toBe(false);
    const fleet = health.components.find((component) => component.name === 'fleet')!;
    expect(fleet.problems).toEqual([
      'its registration is suspended',
      `its oldest unconsumed message has waited ${LAG_SECONDS_LIMIT + 60} s (more than ${LAG_SECONDS_LIMIT} s)`,
      '3 open dead letters',
    ]);
    const land = health.components.find((component) => component.name === 'land')!;
    expect(land).toMatchObject({
      healthy: false,
      lagMessages: null,
      problems: ['the bus cannot tell its lag now'],
    });
  });
});
