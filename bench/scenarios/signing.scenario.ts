// Scenario "signing": what signed records cost, in records/s on one core, in
// this process: an adapter signing each record's message value, and a
// consumer verifying it around its one parse (the check the read model and
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
import { keyIdOf, publicKeyPem, recordSigner, signedHeaders } from '#spean/contracts';
import { canonicalMessages } from '../baselines/kafka-messages.ts';
import type { Measurement, Scenario } from '../harness/scenario.ts';

const SEED = 1;

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

    const consumed: ConsumedMessage[] = [];
    const signSeconds = await timed(() => {
      for (const [i, message] of messages.entries()) {
        const headers = signedHeaders(
          signers.get(message.headers.source!)!,
          message.value,
          message.headers,
        );
        consumed.push({
          ...message,
          partition: 0,
          offset: String(i),
          headers,
          timestamp: new Date(),
        });
      }
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
    const verifySeconds = await timed(async () => {
      for (const message of consumed) if (!(await decode(message, parsed)).ok) refused++;
    });
    let parsedCount = 0;
    const parseSeconds = await timed(() => {
      for (const message of consumed) if (JSON.parse(message.value.toString('utf8'))) parsedCount++;
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
      `signing: sign ${rate(signSeconds)}/s, verify ${rate(verifySeconds)}/s, JSON.parse ${rate(parseSeconds)}/s`,
    );
    return [
      row('adapter signs', signSeconds),
      {
        ...row(
          'consumer verifies',
          verifySeconds,
          'signature, one JSON.parse, source and approval',
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
