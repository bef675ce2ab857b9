// Scenario "signing": what signed records cost, in records/s on one core, in
// this process: an adapter signing each record's message value on its own and
// as it signs a batch (one signature per run of 64 over their Merkle root,
// each message with its proof), and a consumer verifying each around its one
// parse (the check the read model and
// every reaction make before applying: key lookup, Ed25519 verify over the
// exact bytes, then the parsed record's source and its approval) — beside
// parsing the same values as JSON alone, which every consumer does anyway. The same messages the
// ingest scenario sends. Compare the verify rate with the ingest rows: it is
// the ceiling verification puts on a consumer, per core.
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  RecordVerifier,
  type AdapterKey,
  type KnownKey,
  type RecordClaims,
} from '#spean/adapter-registry';
import type { ConsumedMessage } from '#spean/bus';
import {
  keyIdOf,
  publicKeyPem,
  recordSigner,
  signedHeaders,
  signValues,
  withSignature,
} from '#spean/contracts';
import { canonicalMessages } from '../baselines/kafka-messages.ts';
import type { Measurement, Scenario } from '../harness/scenario.ts';

const SEED = 1;
/** Records per intake request signed together (the ingest scenario's batch of 500 citizens, about 1,500 records, over five adapters). */
const INTAKE_REQUEST = 1_500;

export const signingScenario: Scenario = {
  name: 'signing',
  description:
    'records/s on one core: an adapter signing message values, a consumer verifying them (Ed25519, key and approval look-up), beside JSON parsing alone',
  async run(context) {
    const count = context.options.quick ? 5_000 : 100_000;
    const { messages } = canonicalMessages(Math.ceil(count / 4), SEED, count);
    const keys = new Map<string, KnownKey>();
    const signers = new Map<string, ReturnType<typeof recordSigner>>();
    for (const source of new Set(messages.map((message) => message.headers.source!))) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const signer = recordSigner(privateKey);
      signers.set(source, signer);
      const key: AdapterKey = {
        keyId: keyIdOf(publicKey),
        adapter: source,
        publicKey: publicKeyPem(publicKey),
        state: 'approved',
        notAfter: null,
        proposedBy: 'bench',
        proposedAt: new Date(),
        decidedBy: 'bench',
        decidedAt: new Date(),
        decisionReason: null,
      };
      keys.set(key.keyId, { key, publicKey: createPublicKey(privateKey) });
    }
    const rate = (seconds: number): number => Math.round(messages.length / seconds);
    const timed = async (work: () => Promise<void> | void): Promise<number> => {
      const started = performance.now();
      await work();
      return (performance.now() - started) / 1000;
    };

    const consumedAs = (headersOf: (i: number) => Record<string, string>): ConsumedMessage[] =>
      messages.map((message, i) => ({
        ...message,
        partition: 0,
        offset: String(i),
        headers: headersOf(i),
        timestamp: new Date(),
      }));
    let lone: ConsumedMessage[] = [];
    const signSeconds = await timed(() => {
      lone = consumedAs((i) =>
        signedHeaders(
          signers.get(messages[i]!.headers.source!)!,
          messages[i]!.value,
          messages[i]!.headers,
        ),
      );
    });
    // As intake signs: each request is one source's records, signed together.
    let batched: ConsumedMessage[] = [];
    const batchSeconds = await timed(() => {
      const headers: Array<Record<string, string>> = [];
      for (let from = 0; from < messages.length; from += INTAKE_REQUEST) {
        const bySource = new Map<string, number[]>();
        for (let i = from; i < Math.min(from + INTAKE_REQUEST, messages.length); i++) {
          const source = messages[i]!.headers.source!;
          const indexes = bySource.get(source);
          if (indexes) indexes.push(i);
          else bySource.set(source, [i]);
        }
        for (const [source, indexes] of bySource) {
          const signer = signers.get(source)!;
          const signatures = signValues(
            signer,
            indexes.map((i) => messages[i]!.value),
          );
          indexes.forEach((i, n) => {
            headers[i] = withSignature(signer.keyId, signatures[n]!, messages[i]!.headers);
          });
        }
      }
      batched = consumedAs((i) => headers[i]!);
    });
    // Key and approval look-ups are in-memory caches in the product; the same here.
    const verifier = new RecordVerifier(
      { find: async (keyId) => keys.get(keyId), findAsOf: async (keyId) => keys.get(keyId) },
      {
        mayPublish: async () => ({ allowed: true }),
        mayPublishAsOf: async () => ({ allowed: true }),
      },
    );
    // The verifier around the consumer's one parse (the read model validates the schema too; not timed here).
    const decode = verifier.decoderFor('gateway');
    const parsed = (message: ConsumedMessage) => ({
      ok: true as const,
      record: JSON.parse(message.value.toString('utf8')) as RecordClaims,
    });
    let refused = 0;
    const verifying = (consumed: ConsumedMessage[]) => async () => {
      for (const message of consumed) if (!(await decode(message, parsed)).ok) refused++;
    };
    const verifySeconds = await timed(verifying(lone));
    const verifyBatchSeconds = await timed(verifying(batched));
    let parsedCount = 0;
    const parseSeconds = await timed(() => {
      for (const message of lone) if (JSON.parse(message.value.toString('utf8'))) parsedCount++;
    });
    const setting = `${messages.length} records, 1 core`;
    const row = (subject: string, seconds: number, note?: string): Measurement => ({
      scenario: 'signing',
      subject,
      setting,
      throughput: rate(seconds),
      unit: 'records/s',
      operations: messages.length,
      errors: 0,
      note: [`${((seconds / messages.length) * 1e6).toFixed(1)} µs per record`, note]
        .filter(Boolean)
        .join('; '),
    });
    context.log(
      `signing: sign ${rate(signSeconds)}/s (batch ${rate(batchSeconds)}/s), verify ${rate(verifySeconds)}/s (batch ${rate(verifyBatchSeconds)}/s), JSON.parse ${rate(parseSeconds)}/s`,
    );
    const verified = 'signature, one JSON.parse, source and approval';
    return [
      row('adapter signs, one signature per record', signSeconds),
      row(
        'adapter signs a batch',
        batchSeconds,
        `requests of ${INTAKE_REQUEST} records, one signature per run of up to 64 over their Merkle root`,
      ),
      {
        ...row('consumer verifies, one signature per record', verifySeconds, verified),
        errors: refused,
      },
      {
        ...row(
          'consumer verifies a batch-signed record',
          verifyBatchSeconds,
          `${verified}; the root's signature checked once, each record's proof on its own`,
        ),
        errors: refused,
      },
      row(
        'JSON.parse only (baseline)',
        parseSeconds,
        parsedCount === messages.length ? undefined : 'parse failed',
      ),
    ];
  },
};
