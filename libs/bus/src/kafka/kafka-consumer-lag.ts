// How far a consumer group is behind on Kafka: per partition, the head of the
// log minus the group's committed position (from the oldest kept message when
// it never committed), and the timestamp of the first message past that
// position, read with one small fetch from the partition's leader. The fetch
// joins no group and commits nothing, so asking never moves anyone.
import { Consumer, ListOffsetTimestamps, type Admin } from '@platformatic/kafka';
import type { ConsumerLag } from '../event-bus.port.js';
import { saslOptions, type KafkaSasl } from './kafka-sasl.js';

/** Enough for the batch holding one message; records are small. */
const FETCH_MAX_BYTES = 1024 * 1024;

interface Behind {
  topic: string;
  topicId: string;
  partition: number;
  leader: number;
  leaderEpoch: number;
  /** The group's next message to read, and the log's next offset. */
  from: bigint;
  end: bigint;
}

export class KafkaConsumerLag {
  private fetcher: Consumer | null = null;

  constructor(
    private readonly admin: Admin,
    private readonly client: { brokers: string[]; clientId: string; sasl?: KafkaSasl },
  ) {}

  async messages(group: string, topics: string[]): Promise<number> {
    return sum(await this.behind(group, topics));
  }

  async consumerLag(group: string, topics: string[]): Promise<ConsumerLag> {
    const behind = await this.behind(group, topics);
    const times = await Promise.all(behind.map((partition) => this.timestampAt(partition)));
    const known = times.filter((time): time is number => time !== null);
    return {
      messages: sum(behind),
      oldestUnconsumedAt: known.length === 0 ? null : new Date(Math.min(...known)),
    };
  }

  async close(): Promise<void> {
    await this.fetcher?.close();
    this.fetcher = null;
  }

  /** The partitions where the group has messages left to read. */
  private async behind(group: string, topics: string[]): Promise<Behind[]> {
    const existing = new Set(await this.admin.listTopics());
    const names = [...new Set(topics)].filter((topic) => existing.has(topic));
    if (names.length === 0) return [];
    const metadata = await this.admin.metadata({ topics: names, forceUpdate: true });
    const partitionsOf = (name: string): number[] =>
      Array.from({ length: metadata.topics.get(name)!.partitionsCount }, (_, index) => index);
    const offsets = async (timestamp: bigint): Promise<Map<string, bigint>> => {
      const listed = await this.admin.listOffsets({
        topics: names.map((name) => ({
          name,
          partitions: partitionsOf(name).map((partitionIndex) => ({ partitionIndex, timestamp })),
        })),
      });
      return new Map(
        listed.flatMap((topic) =>
          topic.partitions.map((p) => [`${topic.name}/${p.partitionIndex}`, p.offset] as const),
        ),
      );
    };
    const [starts, ends, [committed]] = await Promise.all([
      offsets(ListOffsetTimestamps.EARLIEST),
      offsets(ListOffsetTimestamps.LATEST),
      this.admin.listConsumerGroupOffsets({
        groups: [
          {
            groupId: group,
            topics: names.map((name) => ({ name, partitionIndexes: partitionsOf(name) })),
          },
        ],
      }),
    ]);
    // Kafka commits the next offset to read; -1 means the group never committed there.
    const next = new Map<string, bigint>();
    for (const topic of committed?.topics ?? []) {
      for (const p of topic.partitions)
        next.set(`${topic.name}/${p.partitionIndex}`, p.committedOffset);
    }
    return names.flatMap((topic) =>
      partitionsOf(topic).flatMap((partition): Behind[] => {
        const key = `${topic}/${partition}`;
        const start = starts.get(key) ?? 0n;
        const position = next.get(key) ?? -1n;
        const from = position < start ? start : position;
        const end = ends.get(key) ?? 0n;
        if (end <= from) return [];
        const meta = metadata.topics.get(topic)!;
        const { leader, leaderEpoch } = meta.partitions[partition]!;
        return [{ topic, topicId: meta.id, partition, leader, leaderEpoch, from, end }];
      }),
    );
  }

  /** The log timestamp (ms) of the first message at or after `from`; null if it is gone. */
  private async timestampAt(behind: Behind): Promise<number | null> {
    const response = await this.consumer().fetch({
      node: behind.leader,
      maxWaitTime: 100,
      minBytes: 1,
      maxBytes: FETCH_MAX_BYTES,
      topics: [
        {
          topicId: behind.topicId,
          partitions: [
            {
              partition: behind.partition,
              currentLeaderEpoch: behind.leaderEpoch,
              fetchOffset: behind.from,
              lastFetchedEpoch: -1,
              partitionMaxBytes: FETCH_MAX_BYTES,
            },
          ],
        },
      ],
    });
    for (const batch of response.responses[0]?.partitions[0]?.records ?? []) {
      for (const record of batch.records) {
        if (batch.firstOffset + BigInt(record.offsetDelta) >= behind.from) {
          return Number(batch.firstTimestamp + record.timestampDelta);
        }
      }
    }
    return null;
  }

  private consumer(): Consumer {
    this.fetcher ??= new Consumer({
      clientId: `${this.client.clientId}-lag`,
      bootstrapBrokers: this.client.brokers,
      ...saslOptions(this.client.sasl),
      // Required by the client; fetch() never joins it.
      groupId: `${this.client.clientId}-lag`,
    });
    return this.fetcher;
  }
}

function sum(behind: readonly Behind[]): number {
  return Number(behind.reduce((total, partition) => total + (partition.end - partition.from), 0n));
}
