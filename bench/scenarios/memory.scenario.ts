// Scenario "memory": resident memory (VmRSS) of the gateway at rest, at its
// peak under the full lookup at the highest concurrency, and at rest again
// afterwards; and of each adapter at rest, started as `npm start` starts it
// (embedded bus, the gateway's URL for its keys).
//
// Adapters under load: their load is ingest, which the ingest scenario drives.
// That scenario should sample each adapter with `sampleRss(server, work)`
// below while it publishes, and return rows { scenario: 'memory', subject:
// '<name> adapter', setting: 'under ingest load', rssMb } — the table and the
// target checks need nothing else.
import { shortCount } from '../harness/options.ts';
import type { Population } from '../harness/populations.ts';
import type { BenchContext, Measurement, Scenario } from '../harness/scenario.ts';
import { ADAPTER_NAMES, type RunningServer } from '../harness/servers.ts';
import { measured, speanTarget, summary } from './lookup.scenario.ts';

/** How long a freshly started (or just loaded) process is left alone before "at rest" is read. */
const settleMs = (context: BenchContext): number => (context.options.quick ? 500 : 3_000);

export const memoryScenario: Scenario = {
  name: 'memory',
  description: 'resident memory of the gateway at rest and under load, and of each adapter at rest',
  async run(context) {
    const population = await context.population(context.options.citizens);
    const gateway = await context.start('gateway', population);
    try {
      const rows = await gatewayMemory(context, population, gateway);
      // Started together (each is measured alone in its own process).
      rows.push(
        ...(await Promise.all(
          ADAPTER_NAMES.map((name) => adapterAtRest(context, population, name, gateway)),
        )),
      );
      return rows;
    } finally {
      await gateway.stop();
    }
  },
};

async function gatewayMemory(
  context: BenchContext,
  population: Population,
  gateway: RunningServer,
): Promise<Measurement[]> {
  const row = (setting: string, fields: Partial<Measurement>): Measurement => ({
    scenario: 'memory',
    subject: 'gateway',
    setting,
    citizens: population.citizens,
    ...fields,
  });
  await settle(context);
  const atRest = mb(gateway.rssBytes());
  const heapAtRest = await heapNote(gateway);
  const concurrency = Math.max(...context.options.concurrencies);
  const target = await speanTarget(population, gateway, context);
  context.log(`memory: gateway under load at c=${concurrency} …`);
  const result = await context.load(target, { concurrency, population, server: gateway });
  context.log(`  ${summary(result, 'lookups/s')}`);
  await settle(context);
  const afterLoad = mb(gateway.rssBytes());
  const heapAfterLoad = await heapNote(gateway);
  const { rssMb: peak, ...load } = measured(result, 'lookups/s');
  return [
    row('at rest, after boot', { rssMb: atRest, note: heapAtRest }),
    row(`under load (peak, c=${concurrency}, ${shortCount(population.citizens)} citizens)`, {
      ...load,
      concurrency,
      rssMb: peak,
    }),
    row('at rest, after the load', { rssMb: afterLoad, note: heapAfterLoad }),
  ];
}

async function adapterAtRest(
  context: BenchContext,
  population: Population,
  name: (typeof ADAPTER_NAMES)[number],
  gateway: RunningServer,
): Promise<Measurement> {
  const row: Measurement = { scenario: 'memory', subject: `${name} adapter`, setting: 'at rest' };
  try {
    const adapter = await context.start(name, population, { gatewayUrl: gateway.url });
    try {
      await settle(context);
      const rssMb = mb(adapter.rssBytes());
      context.log(`memory: ${name} adapter at rest: ${rssMb?.toFixed(0)} MB`);
      return { ...row, rssMb };
    } finally {
      await adapter.stop();
    }
  } catch (error) {
    return { ...row, note: `failed: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Peak RSS of `server` while `work` runs, sampled every 200 ms, in MB (the hook for under-load adapter rows). */
export async function sampleRss<T>(
  server: RunningServer,
  work: () => Promise<T>,
): Promise<{ result: T; peakRssMb: number | undefined }> {
  let peak: number | undefined;
  const sample = (): void => {
    const rss = server.rssBytes();
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, 200);
  try {
    const result = await work();
    sample();
    return { result, peakRssMb: mb(peak) };
  } finally {
    clearInterval(timer);
  }
}

/** "V8 heap 120 of 180 MB, external 12 MB", from the process's own /metrics (prom-client defaults). */
async function heapNote(server: RunningServer): Promise<string | undefined> {
  try {
    const response = await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    const value = (name: string): number | undefined => {
      const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text);
      return match ? Number(match[1]) / 2 ** 20 : undefined;
    };
    const used = value('nodejs_heap_size_used_bytes');
    const total = value('nodejs_heap_size_total_bytes');
    const external = value('nodejs_external_memory_bytes');
    if (used === undefined || total === undefined) return undefined;
    return (
      `V8 heap ${Math.round(used)} MB used of ${Math.round(total)} MB` +
      (external === undefined ? '' : `, external ${Math.round(external)} MB`)
    );
  } catch {
    return undefined;
  }
}

function settle(context: BenchContext): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, settleMs(context)));
}

function mb(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : bytes / 2 ** 20;
}
