// The docs name real files. Every backticked repository path in README.md and
// docs/*.md (apps/…, libs/…, tools/…, test/…, schemas/…, docker/…; not the
// generated bench/results/) must exist, and the README's layout block must
// name only what exists and list every app and library.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

const PAGES = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** Backticked text that looks like a path in the repository, with the page it is on. */
function namedPaths(): Array<{ page: string; path: string }> {
  const found: Array<{ page: string; path: string }> = [];
  for (const page of PAGES) {
    for (const [, text] of readFileSync(page, 'utf8').matchAll(/`([^`\s]+)`/g)) {
      const path = text!.replace(/[.,;:]$/, '');
      // Placeholders (`<adapter>`, `…`) and globs name no one file.
      if (/^(apps|libs|tools|test|schemas|docker)\//.test(path) && !/[<>*…]/.test(path)) {
        found.push({ page, path });
      }
    }
  }
  return found;
}

/** The first column of the README's layout block. */
function layoutEntries(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const block = /## Layout\s+```\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no "## Layout" code block');
  return block[1]!
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(/\s+/)[0]!);
}

describe('the paths the docs name', () => {
  it('are found on the pages (the check is not vacuous)', () => {
    expect(namedPaths().length).toBeGreaterThan(50);
  });

  it('exist in the repository', () => {
    const missing = namedPaths().filter(({ path }) => !existsSync(path));
    expect(missing).toEqual([]);
  });
});

describe("the README's layout", () => {
  it('names only what exists', () => {
    expect(layoutEntries().filter((entry) => !existsSync(entry))).toEqual([]);
  });

  it('lists every app and every library', () => {
    const listed = new Set(layoutEntries().map((entry) => entry.replace(/\/$/, '')));
    const present = ['apps', 'libs'].flatMap((root) =>
      readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${root}/${entry.name}`),
    );
    expect(present.filter((dir) => !listed.has(dir))).toEqual([]);
  });
});
