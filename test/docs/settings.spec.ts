// The operators' settings table promises every setting. Each environment
// variable the code reads through its config object (env.int('NAME', …),
// env.bool, env.list, …) must have a row in docs/operators.md; when one is
// added, add its row (name, default, meaning) there.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(e2e-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Variables read by name through an EnvReader in apps/, libs/ and tools/. */
function settingsRead(): Set<string> {
  const names = new Set<string>();
  for (const file of ['apps', 'libs', 'tools'].flatMap(sourceFiles)) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(
      /\benv\.\w+\(\s*'([A-Z][A-Z0-9_]+)'/g,
    )) {
      names.add(name!);
    }
  }
  return names;
}

/** Variables named in the first column of the settings table. */
function settingsDocumented(): Set<string> {
  const page = readFileSync('docs/operators.md', 'utf8');
  const section = /## Settings\n([\s\S]*?)\n## /.exec(page);
  if (!section) throw new Error('docs/operators.md has no "## Settings" section');
  const names = new Set<string>();
  for (const row of section[1]!.split('\n').filter((line) => line.startsWith('| `'))) {
    for (const [, name] of row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(name!);
  }
  return names;
}

describe('the settings table in docs/operators.md', () => {
  it('finds the settings the code reads (the check is not vacuous)', () => {
    expect(settingsRead().size).toBeGreaterThan(30);
  });

  it('has a row for every setting the code reads', () => {
    const documented = settingsDocumented();
    expect([...settingsRead()].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });
});
