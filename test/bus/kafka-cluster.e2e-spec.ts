// A three-node KRaft cluster of this file's own (npm run kafka:local -- --nodes
// 3): topics replicated three times with min.insync.replicas 2, an idempotent
// producer with acks=all. One node is killed with SIGKILL mid-ingest; every
// acknowledged record must still be applied, and ingest must go on through the
// same bus — no restart. `npm test` runs the short form (one node, a few
// hundred records); SPEAN_KAFKA_CLUSTER_FULL=1 runs the long one: a node
// killed, started again and caught up, then the active controller killed.
// The cluster is secured as `kafka:local -- --nodes 3 --secure` is: the nodes
// replicate to each other over SASL/SCRAM-SHA-512 as the admin user, and this
// file's clients authenticate as that admin (the per-adapter ACLs are proved on
// one node in kafka-acls.e2e-spec.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Admin, Connection, describeQuorumV1 } from '@platformatic/kafka';
import { KafkaEventBus, type KafkaSasl } from '../../libs/bus/src/kafka/index.js';
import { startKafkaCluster, type RunningKafkaCluster } from '../../tools/kafka-local.ts';

const FULL = process.env.SPEAN_KAFKA_CLUSTER_FULL === '1';
const RECORDS = FULL ? 3_000 : 300;
const PER_PUBLISH = 10;
const ADMIN: KafkaSasl = {
  mechanism: 'SCRAM-SHA-512',
  username: 'admin',
  password: `admin-${randomUUID().slice(0, 8)}`,
};
const SASL = { sasl: { ...ADMIN } };

describe('a three-node Kafka cluster losing a node mid-ingest', () => {
  let dir: string;
  let cluster: RunningKafkaCluster;
  let bus: KafkaEventBus;

  beforeAll(async () => {
    const libDir = path.resolve(process.env.DATA_DIR ?? '.data', 'kafka', 'lib');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-kafka-cluster-'));
    // Six ports from here; below Linux's ephemeral range, like the global setup's.
    const port = 20_000 + 6 * Math.floor(Math.random() * 1_600);
    cluster = await startKafkaCluster({
      dataDir: dir,
      port,
      libDir,
      nodes: 3,
      security: { users: { admin: ADMIN.password } },
    });
    bus = new KafkaEventBus({
      brokers: cluster.brokers.split(','),
      clientId: `cluster-${randomUUID().slice(0, 6)}`,
      partitions: 3,
      sasl: ADMIN,
    });
    await bus.connect();
  }, 240_000);
  afterAll(async () => {
    await bus?.close();
    await cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('replicates topics three times with min.insync.replicas 2', async () => {
    const topic = `replicated-${randomUUID()}`;
    await bus.ensureTopics([topic]);
    const admin = new Admin({
      clientId: 'cluster-spec',
      bootstrapBrokers: cluster.brokers.split(','),
      ...SASL,
    });
    try {
      const metadata = await admin.metadata({ topics: [topic], forceUpdate: true });
      const partitions = metadata.topics.get(topic)!.partitions;
      expect(partitions.map((p) => p.replicas.length)).toEqual(partitions.map(() => 3));
      const [config] = await admin.describeConfigs({
        resources: [
          { resourceType: 2, resourceName: topic, configurationKeys: ['min.insync.replicas'] },
        ],
      });
      expect(config!.configs.find((c) => c.name === 'min.insync.replicas')?.value).toBe('2');
    } finally {
      await admin.close();
    }
  });

  it('refuses a client that does not authenticate, on every node', async () => {
    for (const node of cluster.nodes) {
      const anonymous = new KafkaEventBus({
        brokers: [`127.0.0.1:${node.port}`],
        clientId: 'cluster-anonymous',
        connectTimeoutMs: 2_000,
      });
      try {
        await expect(anonymous.connect()).rejects.toThrow(/cannot reach Kafka/);
      } finally {
        await anonymous.close();
      }
    }
  });

  it('loses nothing acknowledged and keeps ingesting when a node is killed', async () => {
    const topic = `ingest-${randomUUID()}`;
    await bus.ensureTopics([topic]);
    const applied = new Set<string>();
    const subscription = await bus.subscribe(
      { group: `cluster-${randomUUID()}`, topics: [topic] },
      async (batch) => {
        for (const m of batch) applied.add(JSON.parse(m.value.toString()).id as string);
      },
    );
    const acknowledged: string[] = [];
    for (let next = 0; next < RECORDS; next += PER_PUBLISH) {
      if (next === (FULL ? RECORDS / 4 : RECORDS / 3)) {
        const victim = cluster.nodes[1]!;
        process.kill(victim.pid, 'SIGKILL');
        await victim.exited;
      }
      if (FULL && next === RECORDS / 2) {
        await cluster.restartNode(2);
        await waitForFullIsr(cluster.brokers.split(','), topic);
      }
      if (FULL && next === (RECORDS * 3) / 4) {
        const controller = await activeController(cluster.brokers.split(','));
        const victim = cluster.nodes.find((node) => node.nodeId === controller)!;
        process.kill(victim.pid, 'SIGKILL');
        await victim.exited;
      }
      const ids = Array.from({ length: PER_PUBLISH }, (_, i) => `r${next + i}`);
      // A publish that fails while leaders move is sent again, as an adapter's caller would.
      for (let attempt = 1; ; attempt++) {
        try {
          await bus.publish(
            ids.map((id, i) => ({
              topic,
              key: `k${(next + i) % 17}`,
              value: Buffer.from(JSON.stringify({ id })),
            })),
          );
          acknowledged.push(...ids);
          break;
        } catch (error) {
          if (attempt === 10) throw error;
          await sleep(500);
        }
      }
    }
    expect(acknowledged).toHaveLength(RECORDS);
    const deadline = Date.now() + 60_000;
    while (acknowledged.some((id) => !applied.has(id)) && Date.now() < deadline) await sleep(50);
    await subscription.close();
    expect(acknowledged.filter((id) => !applied.has(id))).toEqual([]);
  }, 600_000);
});

/** The node leading the KRaft controller quorum, asked of any broker that answers. */
async function activeController(brokers: string[]): Promise<number> {
  for (const address of brokers) {
    const [host, port] = address.split(':');
    const connection = new Connection('cluster-spec', SASL);
    try {
      await connection.connect(host!, Number(port));
      const answer = await describeQuorumV1.api.async(connection, [
        { topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] },
      ]);
      const leader = answer.topics[0]?.partitions[0]?.leaderId ?? -1;
      if (leader >= 0) return leader;
    } catch {
      // a node that is down or not answering: ask the next
    } finally {
      await connection.close();
    }
  }
  throw new Error('no broker named the active controller');
}

/** Waits until every partition of the topic has all three replicas in sync again. */
async function waitForFullIsr(brokers: string[], topic: string): Promise<void> {
  const admin = new Admin({ clientId: 'cluster-spec-isr', bootstrapBrokers: brokers, ...SASL });
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const metadata = await admin.metadata({ topics: [topic], forceUpdate: true });
      if (metadata.topics.get(topic)!.partitions.every((p) => p.isr.length === 3)) return;
      if (Date.now() > deadline) throw new Error(`${topic} did not get its replicas back in sync`);
      await sleep(250);
    }
  } finally {
    await admin.close();
  }
}
