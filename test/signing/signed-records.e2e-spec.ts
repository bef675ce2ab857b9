// The embedded bus keeps its log in Postgres tables; anyone with a database
// login can write a row there by hand. Such a row is refused as a Kafka
// message from a plain client is.
import { partitionFor } from '#spean/bus';
import { signedRecordsSuite } from './signed-records.suite.js';

const PARTITIONS = 4;

signedRecordsSuite('embedded', 'signed_records', () => ({
  async put(stack, messages) {
    for (const message of messages) {
      const partition = partitionFor(message.key, PARTITIONS);
      await stack.db.database.transaction(async (tx) => {
        const [row] = await tx.query<{ next: string }>(
          `UPDATE bus_partition SET next_offset = next_offset + 1
           WHERE topic = $1 AND partition = $2 RETURNING next_offset - 1 AS next`,
          [message.topic, partition],
        );
        await tx.query(
          `INSERT INTO bus_message (topic, partition, "offset", key, value, headers)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            message.topic,
            partition,
            row!.next,
            message.key,
            message.value,
            JSON.stringify(message.headers),
          ],
        );
        await tx.query(`SELECT pg_notify('spean_bus', $1)`, [message.topic]);
      });
    }
  },
  close: async () => undefined,
}));
