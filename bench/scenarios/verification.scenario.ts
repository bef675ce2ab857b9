// Scenario "verification": what verifying signed records costs ingest, end to
// end. The same ingest as the ingest scenario's embedded-bus row — synthetic
// citizens through the five adapters' intake (signed, kept, published), then
// the gateway's read model consuming and applying them — with the gateway as
// `npm start` runs it ("verification on": every record's signature, key and
// source approval checked before it is applied) and with the bench-only
// gateway whose read model applies without verifying ("verification off",
// bench/gateway-without-verification.ts; the adapters' reactions verify in
// both). The two alternate, on–off then off–on, each round on a fresh system
// and database, so a machine that slows down during the run weighs on both
// alike. Each row is the median of its rounds, with every round in the note,
// and the gateway's CPU per record beside it: on a shared machine the rate
// moves with the neighbours, the CPU per record much less.
import { shortCount } from '../harness/options.ts';
import { ProcessSampler } from '../harness/process-sampler.ts';
import type { BenchContext, Measurement, Scenario } from '../harness/scenario.ts';
import { startSystem, type RunningSystem } from '../harness/system.ts';
import { ingestCitizens, sendAndApply, type IngestRun } from './ingest.scenario.ts';

type Verification = 'on' | 'off';

interface Round extends IngestRun {
  verification: Verification;
  /** CPU seconds the gateway used from the first POST to the last record applied. */
  gatewayCpuSeconds: number | undefined;
}

const SUBJECTS: Record<Verification, string> = {
  on: 'spean, verification on',
  off: 'spean, verification off (bench only)',
};

export const verificationScenario: Scenario = {
  name: 'verification',
  description:
    'records/s end to end (adapter intake → embedded bus → read model) with the read model verifying every signed record, and without, in alternating rounds',
  async run(context) {
    const citizens = Math.min(ingestCitizens(context), 50_000);
    const pairs = context.options.quick ? 2 : 3;
    const rounds: Round[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      const order: Verification[] = pair % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
      for (const verification of order)
        rounds.push(await ingestOnce(context, verification, citizens, rounds.length + 1));
    }
    return verificationRows(rounds, citizens);
  },
};

async function ingestOnce(
  context: BenchContext,
  verification: Verification,
  citizens: number,
  round: number,
): Promise<Round> {
  let system: RunningSystem | undefined;
  try {
    system = await startSystem(context, {
      bus: 'embedded',
      label: `verification_${round}_${verification}`,
      gateway: verification === 'on' ? 'gateway' : 'gateway-without-verification',
    });
    const { gateway } = system;
    const sampler = new ProcessSampler(
      [{ name: 'gateway', rssBytes: gateway.rssBytes, cpuSeconds: gateway.cpuSeconds }],
      () => context.postgresCpuSeconds(),
    );
    context.log(
      `verification: round ${round}, verification ${verification}: ${shortCount(citizens)} citizens through the adapters …`,
    );
    const run = await sendAndApply(context, system, citizens, { onStart: () => sampler.start() });
    const sample = sampler.stop();
    const percent = sample.cpuPercent.gateway;
    return {
      ...run,
      verification,
      gatewayCpuSeconds: percent === undefined ? undefined : (percent / 100) * sample.seconds,
    };
  } finally {
    await system?.stop();
  }
}

function verificationRows(rounds: Round[], citizens: number): Measurement[] {
  const rate = (round: Round): number => round.records / round.seconds;
  const cpuPerRecordUs = (round: Round): number | undefined =>
    round.gatewayCpuSeconds === undefined
      ? undefined
      : (round.gatewayCpuSeconds / round.records) * 1e6;
  const medianOf = (verification: Verification, value: (round: Round) => number | undefined) =>
    median(
      rounds
        .filter((round) => round.verification === verification)
        .map(value)
        .filter((each): each is number => each !== undefined),
    );
  const offRate = medianOf('off', rate);
  const offCpu = medianOf('off', cpuPerRecordUs);
  return (['on', 'off'] as const).map((verification) => {
    const own = rounds.filter((round) => round.verification === verification);
    const throughput = medianOf(verification, rate);
    const cpu = medianOf(verification, cpuPerRecordUs);
    const records = own[0]?.records ?? 0;
    const comparison =
      verification === 'on' && throughput !== undefined && offRate !== undefined
        ? `; ${Math.round((100 * throughput) / offRate)} % of the rate without verification` +
          (cpu !== undefined && offCpu !== undefined
            ? `, ${(cpu - offCpu).toFixed(0)} µs more gateway CPU per record`
            : '')
        : '';
    return {
      scenario: 'verification',
      subject: SUBJECTS[verification],
      setting: `end to end, embedded bus, ${shortCount(citizens)} citizens, ${records.toLocaleString('en')} records, median of ${own.length}`,
      citizens,
      throughput,
      unit: 'records/s',
      operations: records * own.length,
      note:
        `${verification === 'on' ? 'the gateway as npm start runs it: the read model verifies every record before applying it' : 'the bench-only gateway: the read model applies records without verifying them'}; ` +
        `first POST to the last record applied, rounds ${own
          .map((round) => `#${rounds.indexOf(round) + 1} ${Math.round(rate(round))}/s`)
          .join(
            ', ',
          )}; gateway CPU per record ${cpu === undefined ? '–' : `${cpu.toFixed(0)} µs`}` +
        comparison,
    };
  });
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
