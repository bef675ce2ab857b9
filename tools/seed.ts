// Seeds a synthetic population through the adapters' normal intake path —
// validated, stored, published, consumed by the gateway — exactly as ministry
// systems would. Several requests are in flight at once so the adapters, the
// bus and the read model all stay busy; each request is one adapter's share
// of a batch of households, so a household's records stay in order.
import { generatePopulation } from '#spean/population';
import type { AdapterName } from './adapters.js';

export interface AdapterEndpoint {
  url: string;
  token: string;
}

export interface SeedOptions {
  citizens: number;
  seed: number;
  adapters: Record<AdapterName, AdapterEndpoint>;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Citizens per generated batch. */
  batchSize?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  citizens: number;
  records: number;
  seconds: number;
}

const MAX_RECORDS_PER_REQUEST = 5000;

export async function seedPopulation(options: SeedOptions): Promise<SeedProgress> {
  const started = performance.now();
  const progress: SeedProgress = { citizens: 0, records: 0, seconds: 0 };
  const inFlight = new Set<Promise<void>>();
  const limit = options.concurrency ?? 8;
  let failure: unknown;

  const send = (adapter: AdapterName, records: readonly object[]): Promise<void> => {
    const request = post(options.adapters[adapter], records).then(
      () => {
        progress.records += records.length;
      },
      (error: unknown) => {
        failure ??= error;
      },
    );
    const tracked = request.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  };

  for (const batch of generatePopulation({
    citizens: options.citizens,
    seed: options.seed,
    batchSize: options.batchSize ?? 500,
  })) {
    for (const [adapter, records] of Object.entries(batch) as Array<
      [AdapterName, readonly object[]]
    >) {
      for (let i = 0; i < records.length; i += MAX_RECORDS_PER_REQUEST) {
        while (inFlight.size >= limit) await Promise.race(inFlight);
        if (failure) throw failure;
        void send(adapter, records.slice(i, i + MAX_RECORDS_PER_REQUEST));
      }
    }
    progress.citizens = Math.min(options.citizens, progress.citizens + (options.batchSize ?? 500));
    progress.seconds = (performance.now() - started) / 1000;
    options.onProgress?.(progress);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  progress.citizens = options.citizens;
  progress.seconds = (performance.now() - started) / 1000;
  return progress;
}

/**
 * Sends one batch until accepted. A batch sent again after a broken
 * connection or a 5xx is safe: a version kept already with the same content
 * is accepted again, and consumers skip what they hold at that version.
 */
async function post(endpoint: AdapterEndpoint, records: readonly object[]): Promise<void> {
  const body = JSON.stringify(records);
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${endpoint.url}/v1/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${endpoint.token}` },
        body,
      });
    } catch (error) {
      // A connection the adapter closed or reset (a kept-alive socket it had
      // just timed out, an overloaded machine): no answer came back.
      const cause = (error as Error & { cause?: Error }).cause;
      if (attempt < 5) {
        process.stderr.write(
          `seed: ${endpoint.url} gave no answer (${cause?.message ?? (error as Error).message}); sending the batch again\n`,
        );
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        continue;
      }
      throw new Error(
        `${endpoint.url} could not be reached after ${attempt} attempts: ${(error as Error).message}` +
          (cause ? ` (${cause.message})` : ''),
        { cause: error },
      );
    }
    if (response.status === 202) {
      await response.arrayBuffer();
      return;
    }
    // An overloaded adapter is given time; a refusal of the records is a bug in the generator.
    if (response.status >= 500 && attempt < 5) {
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      continue;
    }
    throw new Error(
      `${endpoint.url} refused a seed batch: ${response.status} ${(await response.text()).slice(0, 2000)}`,
    );
  }
}
