// The whole system as `npm start` runs it — the gateway and the five adapters,
// each its own process from dist/ — on a fresh, empty database, over the
// embedded bus or over Kafka. The built-in adapters are registered and
// approved, each has a client of its own, and each client's token is ready:
// what the ingest and propagation scenarios drive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerAdapterClients } from './adapter-clients.ts';
import { fromDist } from './dist.ts';
import { INGEST_SUBJECTS } from './flow-targets.ts';
import { KafkaUnavailableError, type KafkaBroker } from './kafka.ts';
import type { Population } from './populations.ts';
import type { BenchContext, Measurement } from './scenario.ts';
import { ADAPTER_NAMES, type AdapterKind, type RunningServer } from './servers.ts';

export type BusKind = 'embedded' | 'kafka';

export interface AdapterEndpoint {
  url: string;
  token: string;
}

export interface RunningSystem {
  bus: BusKind;
  /** The empty database it runs on (citizens 0 until a scenario fills it). */
  database: Population;
  gateway: RunningServer;
  adapters: Record<AdapterKind, RunningServer>;
  /** Each adapter's intake URL and a token of its own client. */
  endpoints: Record<AdapterKind, AdapterEndpoint>;
  /** Gateway, then adapters: every process, for memory and CPU. */
  processes(): RunningServer[];
  /** The approved signing key file of an adapter (what `spean backfill` signs with, as the adapter). */
  signingKeyFile(name: AdapterKind): string;
  stop(): Promise<void>;
}

export interface SystemOptions {
  bus: BusKind;
  /** Names the database (and the Kafka namespace): "ingest", "propagation" … */
  label: string;
  /** Required when bus is kafka. */
  kafka?: { broker: KafkaBroker; namespace: string };
  /** Write V8 CPU profiles of every process here when they stop. */
  cpuProfileDir?: string;
  /** Which gateway: as `npm start` runs it (the default), or the bench-only one that verifies nothing. */
  gateway?: 'gateway' | 'gateway-without-verification';
}

/** Tokens outlive the longest run (TOKEN_TTL_SECONDS; the default 15 minutes could expire mid-ingest). */
const TOKEN_TTL_SECONDS = 4 * 3600;

/** Agency ids of the built-in adapters' ministries, as `npm start` registers them. */
export async function startSystem(
  context: BenchContext,
  options: SystemOptions,
): Promise<RunningSystem> {
  if (options.bus === 'kafka' && !options.kafka) throw new Error('the kafka bus needs a broker');
  const database = await context.emptyDatabase(`${options.label}_${options.bus}`);
  // Each adapter signs with a key made here and approved with it, as `npm start` does.
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-bench-keys-'));
  const clients = await registerAdapterClients(ADAPTER_NAMES, {
    appUrl: database.appUrl,
    applicationName: 'spean-bench',
    clientsFor: 'bench',
    // Made at <keysDir>/keys/<name>.ed25519.pem, where startSystem points each adapter.
    dataDirOf: () => keysDir,
  });
  const signingKeyFile = (name: AdapterKind): string =>
    path.join(keysDir, 'keys', `${name}.ed25519.pem`);
  const env: Record<string, string> = {
    TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
    ...(options.kafka
      ? { KAFKA_BROKERS: options.kafka.broker.brokers, BUS_NAMESPACE: options.kafka.namespace }
      : {}),
  };
  const started: RunningServer[] = [];
  const stop = async (): Promise<void> => {
    // Adapters first: the gateway publishes the keys their callers' tokens are checked with.
    await Promise.allSettled(started.slice(1).map((server) => server.stop()));
    await started[0]?.stop();
    fs.rmSync(keysDir, { recursive: true, force: true });
  };
  try {
    const gateway = await context.start(options.gateway ?? 'gateway', database, {
      env,
      ...(options.cpuProfileDir ? { cpuProfileDir: options.cpuProfileDir } : {}),
    });
    started.push(gateway);
    // Started together: each boots in its own process.
    const results = await Promise.allSettled(
      ADAPTER_NAMES.map((name) =>
        context.start(name, database, {
          env: {
            ...env,
            ADAPTER_SIGNING_KEY_FILE: signingKeyFile(name),
          },
          gatewayUrl: gateway.url,
          ...(options.cpuProfileDir ? { cpuProfileDir: options.cpuProfileDir } : {}),
        }),
      ),
    );
    for (const result of results) if (result.status === 'fulfilled') started.push(result.value);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const adapterList = started.slice(1);
    const adapters = Object.fromEntries(
      ADAPTER_NAMES.map((name, i) => [name, adapterList[i]!]),
    ) as Record<AdapterKind, RunningServer>;
    const { fetchAccessToken } =
      await fromDist<typeof import('../../tools/access-token.ts')>('tools/access-token.js');
    const endpoints = Object.fromEntries(
      await Promise.all(
        ADAPTER_NAMES.map(async (name) => [
          name,
          { url: adapters[name].url, token: await fetchAccessToken(gateway.url, clients[name]) },
        ]),
      ),
    ) as Record<AdapterKind, AdapterEndpoint>;
    return {
      bus: options.bus,
      database,
      gateway,
      adapters,
      endpoints,
      processes: () => [gateway, ...ADAPTER_NAMES.map((name) => adapters[name])],
      signingKeyFile,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Runs `measure` on the embedded bus, then on Kafka. When no broker can be
 * had, Kafka's row is a note saying why: skipped in a quick run, failed
 * otherwise.
 */
export async function onEachBus(
  context: BenchContext,
  scenario: string,
  setting: string,
  measure: (bus: BusKind, broker?: KafkaBroker) => Promise<Measurement[]>,
): Promise<Measurement[]> {
  const rows = await measure('embedded');
  try {
    const broker = await context.kafka.broker();
    rows.push(...(await measure('kafka', broker)));
  } catch (error) {
    if (!(error instanceof KafkaUnavailableError)) throw error;
    const note = `${context.options.quick ? 'skipped' : 'failed'}: ${error.message}`;
    context.log(`${scenario}: ${note}`);
    rows.push({ scenario, subject: INGEST_SUBJECTS.spean('kafka'), setting, note });
  }
  return rows;
}
