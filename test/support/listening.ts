// How many connections to the current database LISTEN on a channel: each is a
// connection of its own, held for the life of the process.
import type { Database } from '#spean/persistence';

export async function listeningOn(database: Database, channel: string): Promise<number> {
  const [row] = await database.query<{ listening: number }>(
    `SELECT count(*)::int AS listening FROM pg_stat_activity
      WHERE datname = current_database() AND query = $1`,
    [`LISTEN ${channel}`],
  );
  return row?.listening ?? 0;
}
