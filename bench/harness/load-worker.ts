// The closed-loop load generator, in a worker thread of its own: N users,
// each sending its next request the moment the previous one is answered,
// over kept-alive connections, for a warm-up and then a measured window.
// Every request asks about a random citizen of the population.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import type { LoadTarget, WorkerInput, WorkerOutput } from './load.ts';

const input = workerData as WorkerInput;
const ids = new VerhoeffNationalIdScheme();

function randomNationalId(): string {
  return ids.fromSerial(input.startSerial + Math.floor(Math.random() * input.citizens));
}

/** Splits a template on {id} once, so each request only joins strings. */
function template(text: string): (id: string) => string {
  const parts = text.split('{id}');
  return parts.length === 1 ? () => text : (id) => parts.join(id);
}

type Send = () => Promise<string | undefined>;

/** One user's request function; resolves to an error description, or undefined when it succeeded. */
async function httpUser(
  target: Extract<LoadTarget, { kind: 'http' }>,
  agent: http.Agent,
): Promise<Send> {
  // The path is templated as written: URL parsing would percent-encode {id}.
  const url = new URL(target.url);
  const pathOf = template(target.url.slice(url.origin.length));
  const bodyOf = target.body === undefined ? undefined : template(target.body);
  return () =>
    new Promise((resolve) => {
      const id = randomNationalId();
      const body = bodyOf?.(id);
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: target.method,
          path: pathOf(id),
          headers: {
            ...target.headers,
            ...(body === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            if (response.statusCode !== 200) {
              resolve(
                `HTTP ${response.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`,
              );
              return;
            }
            const text = Buffer.concat(chunks).toString();
            resolve(text.includes('"errors"') ? `errors: ${text.slice(0, 300)}` : undefined);
          });
          response.on('error', (error) => resolve(error.message));
        },
      );
      request.on('error', (error) => resolve(error.message));
      request.end(body);
    });
}

async function pgUser(target: Extract<LoadTarget, { kind: 'pg' }>): Promise<{
  send: Send;
  close: () => Promise<void>;
}> {
  const client = new pg.Client({ connectionString: target.url, application_name: 'spean-bench' });
  await client.connect();
  const paramOf = template(target.param);
  return {
    send: async () => {
      try {
        const result = await client.query({
          name: 'bench-raw-select',
          text: target.sql,
          values: [paramOf(randomNationalId())],
        });
        return result.rows.length === 0 ? 'no row' : undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
    close: () => client.end(),
  };
}

async function main(): Promise<WorkerOutput> {
  const { target, concurrency } = input;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const closers: Array<() => Promise<void>> = [];
  const users: Send[] = [];
  for (let i = 0; i < concurrency; i++) {
    if (target.kind === 'http') users.push(await httpUser(target, agent));
    else {
      const user = await pgUser(target);
      users.push(user.send);
      closers.push(user.close);
    }
  }

  const started = performance.now();
  const measureFrom = started + input.warmupMs;
  const measureUntil = measureFrom + input.durationMs;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let measuringSignalled = false;

  await Promise.all(
    users.map(async (send) => {
      while (performance.now() < measureUntil) {
        const sent = performance.now();
        const error = await send();
        const answered = performance.now();
        if (!measuringSignalled && answered >= measureFrom) {
          measuringSignalled = true;
          parentPort!.postMessage({ measuring: true });
        }
        if (answered < measureFrom || answered > measureUntil) continue;
        latencies.push(answered - sent);
        if (error !== undefined) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  agent.destroy();
  await Promise.all(closers.map((close) => close()));

  latencies.sort((a, b) => a - b);
  const at = (q: number): number =>
    latencies.length === 0
      ? NaN
      : latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
  return {
    operations: latencies.length,
    errors,
    firstError,
    durationSeconds: input.durationMs / 1000,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: latencies.at(-1) ?? NaN,
  };
}

main().then(
  (result) => parentPort!.postMessage({ result }),
  (error: unknown) => parentPort!.postMessage({ failure: (error as Error).stack ?? String(error) }),
);
