// Peak resident memory and CPU of several processes over one window: the
// gateway and every adapter while the ingest runs, PostgreSQL, the Kafka
// broker, the bench itself (which sends the records), and the whole machine —
// so a reader sees where the two cores went.
import fs from 'node:fs';

export interface SampledProcess {
  name: string;
  rssBytes(): number | undefined;
  cpuSeconds(): number | undefined;
}

export interface ProcessSample {
  seconds: number;
  /** Peak VmRSS over the window, MB, by process name. */
  peakRssMb: Record<string, number | undefined>;
  /** CPU over the window, % of one core, by process name. */
  cpuPercent: Record<string, number | undefined>;
  postgresCpuPercent?: number;
  /** This process: the bench sending the records and watching the read model. */
  benchCpuPercent: number;
  /** Every core of the machine, busy, in % of one core (200 % = both cores of two). */
  machineCpuPercent?: number;
}

const SAMPLE_EVERY_MS = 200;

export class ProcessSampler {
  private readonly processes: readonly SampledProcess[];
  private readonly postgresCpuSeconds: () => number | undefined;
  private readonly peak = new Map<string, number>();
  private from?: Snapshot;
  private timer?: NodeJS.Timeout;

  constructor(processes: readonly SampledProcess[], postgresCpuSeconds: () => number | undefined) {
    this.processes = processes;
    this.postgresCpuSeconds = postgresCpuSeconds;
  }

  start(): void {
    this.from = this.snapshot();
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
  }

  stop(): ProcessSample {
    clearInterval(this.timer);
    this.sample();
    const from = this.from;
    if (!from) throw new Error('the sampler was never started');
    const to = this.snapshot();
    const seconds = (to.at - from.at) / 1000;
    const percent = (a: number | undefined, b: number | undefined): number | undefined =>
      a === undefined || b === undefined || seconds <= 0 ? undefined : (100 * (b - a)) / seconds;
    const cpuPercent: Record<string, number | undefined> = {};
    const peakRssMb: Record<string, number | undefined> = {};
    for (const { name } of this.processes) {
      cpuPercent[name] = percent(from.cpu.get(name), to.cpu.get(name));
      const peak = this.peak.get(name);
      peakRssMb[name] = peak === undefined ? undefined : peak / 2 ** 20;
    }
    return {
      seconds,
      peakRssMb,
      cpuPercent,
      postgresCpuPercent: percent(from.postgres, to.postgres),
      benchCpuPercent: percent(from.bench, to.bench) ?? 0,
      machineCpuPercent: percent(from.machine, to.machine),
    };
  }

  private sample(): void {
    for (const process of this.processes) {
      const rss = process.rssBytes();
      if (rss !== undefined)
        this.peak.set(process.name, Math.max(this.peak.get(process.name) ?? 0, rss));
    }
  }

  private snapshot(): Snapshot {
    const usage = process.cpuUsage();
    return {
      at: performance.now(),
      cpu: new Map(this.processes.map((p) => [p.name, p.cpuSeconds()])),
      postgres: this.postgresCpuSeconds(),
      bench: (usage.user + usage.system) / 1e6,
      machine: machineBusySeconds(),
    };
  }
}

interface Snapshot {
  at: number;
  cpu: Map<string, number | undefined>;
  postgres?: number;
  bench: number;
  machine?: number;
}

/** Busy CPU seconds of the whole machine, all cores (/proc/stat, in clock ticks of 1/100 s). */
function machineBusySeconds(): number | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [user, nice, system, , , irq, softirq, steal] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  } catch {
    return undefined;
  }
}

/**
 * The table's CPU columns for a window: the processes named in `subject`
 * together, PostgreSQL, the bench itself, and everything else on the machine
 * (beyond the sampled processes, e.g. the Kafka broker, which the note names):
 * when "other" is high, something outside the run shared the cores.
 */
export function cpuColumns(
  sample: ProcessSample,
  subject: readonly string[],
): {
  cpuPercent: number;
  postgresCpuPercent?: number;
  loadCpuPercent: number;
  otherCpuPercent?: number;
} {
  const sum = (names: readonly string[]): number =>
    names.reduce((total, name) => total + (sample.cpuPercent[name] ?? 0), 0);
  const sampled = sum(Object.keys(sample.cpuPercent));
  return {
    cpuPercent: sum(subject),
    postgresCpuPercent: sample.postgresCpuPercent,
    loadCpuPercent: sample.benchCpuPercent,
    otherCpuPercent:
      sample.machineCpuPercent === undefined
        ? undefined
        : Math.max(
            0,
            sample.machineCpuPercent -
              sampled -
              (sample.postgresCpuPercent ?? 0) -
              sample.benchCpuPercent,
          ),
  };
}
