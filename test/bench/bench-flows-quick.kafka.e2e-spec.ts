// `npm run bench -- --quick --only ingest,propagation` end to end: the
// gateway and the five adapters as child processes on a fresh database, on the
// embedded bus and on a real Kafka broker (the Kafka project's, through
// KAFKA_BROKERS, which the bench inherits), the raw Kafka and PostgreSQL
// baselines, lone records on the idle system, and deaths told once under
// background ingest. Only that it works is asserted — every record
// reached the read model, every death's consequences arrived, every row is
// there and unfailed — never how fast: CI machines vary.
import { describe, expect, it } from '@jest/globals';
import { useQuickBench } from '../support/quick-bench.js';

const bench = useQuickBench('ingest,propagation');

const rows = (scenario: string, subject?: string) => bench.rows(scenario, subject);

describe('npm run bench -- --quick --only ingest,propagation', () => {
  it('completes and writes its results', () => {
    bench.assertCompleted();
    expect(bench.latestMarkdown()).toContain(
      '| ingest | spean, kafka bus | end to end, 1k citizens,',
    );
  });

  it('ingests every record into the read model on both buses, and projects the backfill', () => {
    for (const bus of ['embedded', 'kafka']) {
      const ingest = rows('ingest', `spean, ${bus} bus`);
      expect(ingest.map((r) => r.setting.replace(/[ ,(].*/, ''))).toEqual([
        'end',
        'intake',
        'projected',
      ]);
      const [endToEnd, intake, projection] = ingest;
      // 1,000 citizens make a few thousand records, all of them applied.
      expect(endToEnd!.operations).toBeGreaterThan(2_000);
      expect(endToEnd!.note).toMatch(/^first POST to the last record applied/);
      expect(endToEnd!.throughput).toBeGreaterThan(0);
      expect(intake!.operations).toBe(endToEnd!.operations);
      // The intake ends before the read model is complete.
      expect(intake!.throughput).toBeGreaterThanOrEqual(endToEnd!.throughput!);
      expect(projection!.unit).toBe('persons/s');
      expect(projection!.note).toMatch(/^≈ \d+ min for 17M persons/);
    }
  });

  it('measures both raw Kafka clients and both raw PostgreSQL loads on the same records', () => {
    const records = rows('ingest', 'spean, kafka bus')[0]!.operations;
    for (const subject of ['raw @platformatic/kafka', 'raw kafkajs']) {
      const raw = rows('ingest', subject);
      expect(raw.map((r) => r.setting.replace(/,.*/, ''))).toEqual([
        'produce (acks=all',
        'consume (new group',
        'produce then consume',
      ]);
      for (const row of raw) {
        expect({ subject, note: row.note }).not.toEqual({
          subject,
          note: expect.stringMatching(/^failed/),
        });
        expect(row.operations).toBe(records);
        expect(row.throughput).toBeGreaterThan(0);
      }
    }
    for (const subject of ['raw PostgreSQL COPY', 'read-model SQL alone']) {
      const [row] = rows('ingest', subject);
      expect(row!.operations).toBe(records);
      expect(row!.throughput).toBeGreaterThan(0);
    }
    // COPY's projection of the national backfill, which Spean's is judged against.
    const [, copyProjection] = rows('ingest', 'raw PostgreSQL COPY');
    expect(copyProjection!.setting).toBe('projected national backfill (17M persons)');
    expect(copyProjection!.unit).toBe('persons/s');
    expect(copyProjection!.note).toMatch(/^≈ \d+ min for 17M persons at COPY's rate/);
  });

  it('measures the ingest and its controls in one round on --quick', () => {
    for (const row of rows('ingest')) expect(row.rounds).toMatchObject({ measured: 1, of: 1 });
  });

  it('reads the resident memory of the gateway and every adapter under ingest, on both buses', () => {
    const memory = rows('memory');
    expect(memory.map((r) => `${r.subject}: ${r.setting}`)).toEqual(
      ['embedded', 'kafka'].flatMap((bus) =>
        [
          'gateway',
          'interior adapter',
          'transport adapter',
          'land adapter',
          'commerce adapter',
          'tax adapter',
        ].map((subject) => `${subject}: under ingest load (peak, ${bus} bus)`),
      ),
    );
    for (const row of memory) expect(row.rssMb).toBeGreaterThan(10);
  });

  it('sees every death and all its consequences in the read model, on both buses', () => {
    for (const bus of ['embedded', 'kafka']) {
      const propagation = rows('propagation', `spean, ${bus} bus`).filter((r) =>
        r.setting.startsWith('death'),
      );
      expect(propagation.map((r) => r.setting.replace(/ \(.*/, ''))).toEqual([
        'death → 202 from the interior adapter',
        'death → the death in the gateway',
        'death → gateway shows the person not alive',
        'death → every adapter’s reaction in the gateway',
      ]);
      for (const row of propagation) {
        expect({
          bus,
          setting: row.setting,
          operations: row.operations,
          errors: row.errors,
        }).toEqual({
          bus,
          setting: row.setting,
          operations: 10,
          errors: 0,
        });
        expect(row.p99Ms).toBeGreaterThanOrEqual(row.p50Ms!);
      }
    }
  });

  it('times lone records on the idle system, intake to gateway, step by step, on both buses', () => {
    for (const bus of ['embedded', 'kafka']) {
      const lone = rows('propagation', `spean, ${bus} bus`).filter(
        (r) => !r.setting.startsWith('death'),
      );
      expect(lone.map((r) => r.setting.replace(/ \(.*/, ''))).toEqual([
        'one record, idle system: intake → visible at the gateway',
        'lone record, step: intake → 202',
        ...(bus === 'embedded' ? ['lone record, step: intake → appended to the embedded bus'] : []),
        'lone record, step: 202 → the read model’s transaction begins',
        'lone record, step: that transaction begins → visible',
      ]);
      for (const row of lone) {
        expect({
          bus,
          setting: row.setting,
          operations: row.operations,
          errors: row.errors,
        }).toEqual({ bus, setting: row.setting, operations: 10, errors: 0 });
        expect(row.p99Ms).toBeGreaterThanOrEqual(row.p50Ms!);
      }
    }
  });

  it('states the ingest, initial-load, propagation and lone-record targets, the first three with their ratios, unjudged in a quick run', () => {
    expect(bench.results.targets.map((t) => t.target.replace(/ \(.*/, ''))).toEqual([
      'Spean ingest end to end, Kafka: records/s ≥ 0.5× raw @platformatic/kafka produce then consume',
      'Spean ingest end to end, embedded bus: records/s ≥ 0.4× raw PostgreSQL COPY',
      '17M-person initial load',
      'a death → every reaction in the gateway, p99 ≤ 250 ms, kafka bus',
      'a death → every reaction in the gateway, p99 ≤ 250 ms, embedded bus',
      'one record, idle system, intake → visible at the gateway, p99 ≤ 50 ms, embedded bus',
      'one record, idle system, intake → visible at the gateway, p99 ≤ 100 ms, kafka bus',
    ]);
    for (const target of bench.results.targets.slice(0, 3))
      expect(target.actual).toMatch(/^\d+\.\d\d× \(.* vs .*, 1 round\)$/);
    for (const target of bench.results.targets) expect(target.met).toBeUndefined();
  });
});
