// The health of the whole exchange as the gateway can observe it: its own
// readiness (database and bus, the checks behind GET /health), the read
// model's lag, and each registered adapter — registration state, lag in
// messages and seconds, open dead letters. The gateway does not call the
// adapters' own /health: it does not know where they run, and what it sees
// of them on the bus is what matters to the data.
import type { AdapterDirectoryEntry } from '#spean/adapter-registry';
import type { ConsumerGroupLag } from '../consumer-lag/consumer-lag.service.js';

/** An adapter's oldest unconsumed message older than this is a problem. */
export const LAG_SECONDS_LIMIT = 300;

export interface ComponentHealth {
  name: string;
  kind: 'gateway' | 'database' | 'bus' | 'read-model' | 'adapter';
  healthy: boolean;
  /** For an adapter: its registration state. */
  state: string | null;
  lagMessages: number | null;
  lagSeconds: number | null;
  deadLetters: number | null;
  /** Each thing wrong, in a sentence; empty when healthy. */
  problems: string[];
}

export interface SystemHealth {
  checkedAt: Date;
  healthy: boolean;
  components: ComponentHealth[];
}

export interface SystemHealthSources {
  database: { isHealthy(): Promise<boolean> };
  bus: { isHealthy(): Promise<boolean> };
  lag: { lag(): Promise<ConsumerGroupLag[]> };
  directory: { list(): Promise<AdapterDirectoryEntry[]> };
}

async function check(probe: () => Promise<boolean>): Promise<boolean> {
  try {
    return await probe();
  } catch {
    return false;
  }
}

export class SystemHealthService {
  constructor(
    private readonly sources: SystemHealthSources,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async health(): Promise<SystemHealth> {
    const [database, bus] = await Promise.all([
      check(() => this.sources.database.isHealthy()),
      check(() => this.sources.bus.isHealthy()),
    ]);
    // Without a database there is no registry to read: say so, and no more.
    const [lags, adapters] = database
      ? await Promise.all([this.sources.lag.lag(), this.sources.directory.list()])
      : [[], []];
    const lagOf = new Map(lags.map((lag) => [lag.group, lag]));
    const readModel = lags.find((lag) => lag.kind === 'read-model');
    const components: ComponentHealth[] = [
      simple('gateway', 'gateway', [
        ...(database ? [] : ['the database does not answer']),
        ...(bus ? [] : ['the bus does not answer']),
      ]),
      simple('database', 'database', database ? [] : ['does not answer']),
      simple('bus', 'bus', bus ? [] : ['does not answer']),
      ...(readModel ? [lagged(readModel.group, 'read-model', null, readModel, null)] : []),
      ...adapters.map((adapter) =>
        lagged(
          adapter.name,
          'adapter',
          adapter.state,
          lagOf.get(adapter.name),
          adapter.deadLetters,
        ),
      ),
    ];
    return {
      checkedAt: this.now(),
      healthy: components.every((component) => component.healthy),
      components,
    };
  }
}

function simple(name: string, kind: ComponentHealth['kind'], problems: string[]): ComponentHealth {
  return {
    name,
    kind,
    healthy: problems.length === 0,
    state: null,
    lagMessages: null,
    lagSeconds: null,
    deadLetters: null,
    problems,
  };
}

function lagged(
  name: string,
  kind: ComponentHealth['kind'],
  state: string | null,
  lag: ConsumerGroupLag | undefined,
  deadLetters: number | null,
): ComponentHealth {
  const problems: string[] = [];
  if (state !== null && state !== 'approved') problems.push(`its registration is ${state}`);
  if (!lag || lag.error !== null || lag.messages === null)
    problems.push('the bus cannot tell its lag now');
  else if ((lag.seconds ?? 0) > LAG_SECONDS_LIMIT)
    problems.push(
      `its oldest unconsumed message has waited ${Math.round(lag.seconds!)} s (more than ${LAG_SECONDS_LIMIT} s)`,
    );
  if (deadLetters) problems.push(`${deadLetters} open dead letter${deadLetters === 1 ? '' : 's'}`);
  return {
    name,
    kind,
    healthy: problems.length === 0,
    state,
    lagMessages: lag?.messages ?? null,
    lagSeconds: lag?.seconds ?? null,
    deadLetters,
    problems,
  };
}
