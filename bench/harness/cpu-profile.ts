// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went:
// the functions with the most self time, and the same grouped by package, over
// the part of the profile that was under load.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  selfMs: number;
  percent: number;
}

export interface ProfileSummary {
  /** Milliseconds of samples considered (the loaded window). */
  sampledMs: number;
  functions: SelfTime[];
  packages: SelfTime[];
}

/**
 * Self time per function and per package over the samples taken at least
 * `skipMs` after the profile started (skipping boot and warm-up).
 */
export function summariseCpuProfile(file: string, skipMs: number, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let at = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at - profile.startTime < skipMs * 1000) continue;
    // A sample stands for the time until the next one.
    const micros = profile.timeDeltas[i + 1] ?? 0;
    const frame = byId.get(profile.samples[i]!)?.callFrame;
    if (!frame) continue;
    total += micros;
    const name = `${frame.functionName || '(anonymous)'} ${location(frame)}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + micros);
    const pkg = packageOf(frame);
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
  }
  const rank = (map: Map<string, number>, n: number): SelfTime[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, micros]) => ({
        name,
        selfMs: Math.round(micros / 100) / 10,
        percent: total === 0 ? 0 : Math.round((1000 * micros) / total) / 10,
      }));
  return {
    sampledMs: Math.round(total / 1000),
    functions: rank(functions, top),
    packages: rank(packages, 20),
  };
}

function location(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return '';
  const short = frame.url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/dist\//, 'dist/');
  return `(${short}:${frame.lineNumber + 1})`;
}

/** node_modules/<package>, Spean's own dist/ code by app or lib, Node's internals, or V8's pseudo-frames. */
function packageOf(frame: ProfileNode['callFrame']): string {
  const url = frame.url;
  if (!url) return frame.functionName || '(unknown)';
  if (url.startsWith('node:')) return 'node (built-in modules)';
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (modules) return modules[1]!;
  const own = /\/dist\/((?:apps|libs)\/[^/]+)\//.exec(url);
  if (own) return `spean ${own[1]}`;
  return url.replace(/^file:\/\//, '');
}

export function profileMarkdown(summary: ProfileSummary): string {
  return [
    `Sampled ${summary.sampledMs.toLocaleString('en')} ms of the main thread under load (idle included).`,
    '',
    '| Self time by package | ms | % |',
    '|---|---:|---:|',
    ...summary.packages.map((p) => `| ${p.name} | ${p.selfMs} | ${p.percent} |`),
    '',
    '| Top functions by self time | ms | % |',
    '|---|---:|---:|',
    ...summary.functions.map(
      (f) => `| \`${f.name.replaceAll('|', '\\|')}\` | ${f.selfMs} | ${f.percent} |`,
    ),
  ].join('\n');
}
