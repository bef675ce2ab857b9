// The docs name real files. Every backticked repository path in README.md and
// docs/*.md (apps/…, libs/…, tools/…, test/…, schemas/…, docker/…; not the
// generated bench/results/) must exist, and the README's layout block must
// name only what exists and list every app and library.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

describe('the links between the pages', () => {
  const links = PAGES.flatMap((page) =>
    [...readFileSync(page, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
      .map(([, target]) => target!)
      .filter((target) => !/^[a-z]+:/.test(target))
      .map((target) => ({ page, target })),
  );

  it('are found (the check is not vacuous)', () => {
    expect(links.length).toBeGreaterThan(10);
  });

  it('lead to a file that exists and a heading it has', () => {
    const broken = links.filter(({ page, target }) => {
      const [file, anchor] = target.split('#');
      const path = file ? join(dirname(page), file) : page;
      if (!existsSync(path)) return true;
      if (!anchor || !path.endsWith('.md')) return false;
      const headings = [...readFileSync(path, 'utf8').matchAll(/^#+ (.+)$/gm)].map(([, h]) =>
        slug(h!),
      );
      return !headings.includes(anchor);
    });
    expect(broken).toEqual([]);
  });
});
