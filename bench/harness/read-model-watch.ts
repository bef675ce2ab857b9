// Watches the gateway's read model in PostgreSQL itself — not through
// GraphQL, so the watcher's own cost stays out of what it measures.
import pg from 'pg';

export interface ReadModelComplete {
  records: number;
  /** Wall-clock time (ms since the epoch) the last record was applied: max(applied_at). */
  lastAppliedAt: number;
}

/**
 * Resolves once read_record holds at least `expected` records. Fails when the
 * count stops growing for `stallMs` (a dead letter, a stuck consumer),
 * naming how far it got.
 */
export async function waitForReadModel(
  url: string,
  expected: number,
  options: { intervalMs: number; stallMs: number },
): Promise<ReadModelComplete> {
  const client = new pg.Client({ connectionString: url, application_name: 'spean-bench-watch' });
  await client.connect();
  try {
    let last = -1;
    let grewAt = performance.now();
    for (;;) {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM read_record');
      const count = Number(rows[0]!.n);
      if (count >= expected) {
        const { rows: at } = await client.query<{ at: Date }>(
          'SELECT max(applied_at) AS at FROM read_record',
        );
        return { records: count, lastAppliedAt: at[0]!.at.getTime() };
      }
      if (count > last) {
        last = count;
        grewAt = performance.now();
      } else if (performance.now() - grewAt > options.stallMs) {
        throw new Error(
          `the read model stopped at ${count.toLocaleString('en')} of ${expected.toLocaleString('en')} records ` +
            `(no progress for ${Math.round(options.stallMs / 1000)} s)`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    }
  } finally {
    await client.end();
  }
}
