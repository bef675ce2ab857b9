// A second wall on Kafka: a broker of this file's own with SASL/SCRAM-SHA-512
// on its client listener, the StandardAuthorizer denying what no ACL grants,
// and the ACLs of tools/kafka-acls.ts, derived from the real adapter
// definitions. One secured node, not the three-node cluster (three JVMs are too
// heavy for the test machine); the cluster uses the same configuration per node.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { topicFor } from '../../libs/bus/src/topics.js';
import { KafkaEventBus, type KafkaSasl } from '../../libs/bus/src/kafka/index.js';
import { CITIZEN_SECTIONS } from '#spean/access';
import { ADAPTERS } from '../../tools/adapters.js';
import { kafkaAcls, kafkaUsers } from '../../tools/kafka-acls.js';
import { startKafka, type RunningKafka } from '../../tools/kafka-local.ts';

const PASSWORDS: Record<string, string> = Object.fromEntries(
  ['admin', ...kafkaUsers(Object.values(ADAPTERS))].map((user) => [
    user,
    `${user}-${randomUUID().slice(0, 8)}`,
  ]),
);

function as(username: string, password = PASSWORDS[username]!): KafkaSasl {
  return { mechanism: 'SCRAM-SHA-512', username, password };
}

let dir: string;
let kafka: RunningKafka;
const opened: KafkaEventBus[] = [];

function busOf(sasl: KafkaSasl | undefined, connectTimeoutMs = 30_000): KafkaEventBus {
  const bus = new KafkaEventBus({
    brokers: [kafka.brokers],
    clientId: `acl-${sasl?.username ?? 'anonymous'}-${randomUUID().slice(0, 6)}`,
    partitions: 1,
    connectTimeoutMs,
    ...(sasl ? { sasl } : {}),
  });
  opened.push(bus);
  return bus;
}

function message(recordType: string, id: string) {
  return {
    topic: topicFor(recordType),
    key: '1234567897',
    value: Buffer.from(JSON.stringify({ id })),
  };
}

beforeAll(async () => {
  const libDir = path.resolve(process.env.DATA_DIR ?? '.data', 'kafka', 'lib');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-kafka-acls-'));
  const port = 20_000 + 2 * Math.floor(Math.random() * 5_000);
  kafka = await startKafka({
    dataDir: dir,
    port,
    libDir,
    security: {
      users: PASSWORDS,
      acls: kafkaAcls(Object.values(ADAPTERS), {
        gatewayRecordTypes: CITIZEN_SECTIONS.map((section) => section.recordType),
      }),
    },
  });
}, 240_000);
afterAll(async () => {
  await Promise.all(opened.map((bus) => bus.close().catch(() => {})));
  await kafka?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a Kafka cluster with SCRAM users and per-adapter ACLs', () => {
  it("lets an adapter's user publish the record types it publishes, and the gateway consume them", async () => {
    const transport = busOf(as('transport'));
    await transport.connect();
    await transport.ensureTopics([topicFor('vehicle-registration')]);
    const id = randomUUID();
    await transport.publish([message('vehicle-registration', id)]);

    const gateway = busOf(as('gateway'));
    await gateway.connect();
    const seen: string[] = [];
    const subscription = await gateway.subscribe(
      { group: 'gateway', topics: [topicFor('vehicle-registration')] },
      async (batch) => {
        for (const m of batch) seen.push(JSON.parse(m.value.toString()).id as string);
      },
    );
    const deadline = Date.now() + 20_000;
    while (!seen.includes(id) && Date.now() < deadline) await sleep(50);
    await subscription.close();
    expect(seen).toContain(id);
  }, 60_000);

  it("refuses an adapter's user writing another adapter's record type", async () => {
    const interior = busOf(as('interior'));
    await interior.connect();
    await interior.ensureTopics([topicFor('person')]);
    const transport = busOf(as('transport'));
    await transport.connect();
    await expect(transport.publish([message('person', randomUUID())])).rejects.toThrow(
      /TOPIC_AUTHORIZATION_FAILED/,
    );
    // Nor may it create a topic it does not publish.
    await expect(transport.ensureTopics([topicFor('land-title')])).rejects.toThrow(
      /TOPIC_AUTHORIZATION_FAILED/,
    );
  }, 60_000);

  it('refuses the gateway writing any canonical topic, and a consumer group not its own', async () => {
    const gateway = busOf(as('gateway'));
    await gateway.connect();
    await gateway.ensureTopics([topicFor('taxpayer')]);
    // It may write no topic at all, so the broker refuses it an idempotent
    // producer id before any topic is even asked about.
    await expect(gateway.publish([message('taxpayer', randomUUID())])).rejects.toThrow(
      /CLUSTER_AUTHORIZATION_FAILED|TOPIC_AUTHORIZATION_FAILED/,
    );
    const tax = busOf(as('tax'));
    await tax.connect();
    await expect(
      tax.subscribe({ group: 'gateway', topics: [topicFor('taxpayer')] }, async () => {}),
    ).rejects.toThrow(/AUTHORIZATION_FAILED/);
  }, 60_000);

  it('refuses a client that does not authenticate', async () => {
    await expect(busOf(undefined, 3_000).connect()).rejects.toThrow(/cannot reach Kafka/);
  }, 30_000);

  it('refuses a wrong password at once, naming the user and never the password', async () => {
    const started = Date.now();
    const error = await busOf(as('transport', 'not-the-password'), 60_000)
      .connect()
      .then(
        () => null,
        (reason: unknown) => reason as Error,
      );
    expect(error?.message).toMatch(
      /refused the credentials of user "transport" \(SASL_AUTHENTICATION_FAILED\)/,
    );
    expect(error?.message).not.toContain('not-the-password');
    // A refusal is final: no waiting out the connect timeout as for a broker starting.
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 90_000);
});
