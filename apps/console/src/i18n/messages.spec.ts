// Every message the console shows exists in English and in Khmer: each id the
// source names, and each audit entry kind the log can hold (their ids are
// built at run time, so a new kind would otherwise show its bare id).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { AUDIT_KINDS } from '#spean/audit';
import { messagesFor } from './messages';

const SOURCE = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [file] : [];
  });
}

/** Ids named literally: id="x.y", id: 'x.y', formatMessage({ id: 'x.y' }), title: 'x.y' in the registry. */
function idsNamed(): Set<string> {
  const ids = new Set<string>();
  for (const file of sourceFiles(SOURCE)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [, id] of text.matchAll(/\bid[=:]\s*["']([a-zA-Z]+(?:\.[a-zA-Z0-9-]+)+)["']/g))
      ids.add(id!);
    if (file.endsWith('registry.ts'))
      for (const [, id] of text.matchAll(/\btitle:\s*'([a-zA-Z]+(?:\.[a-zA-Z0-9-]+)+)'/g))
        ids.add(id!);
  }
  return ids;
}

describe("the console's messages", () => {
  const english = messagesFor('en');
  const khmer = messagesFor('km');

  it('finds the ids the source names (the check is not vacuous)', () => {
    expect(idsNamed().size).toBeGreaterThan(200);
  });

  it('has every id the source names, in both languages', () => {
    const missing = [...idsNamed()].filter((id) => !english[id] || !khmer[id]);
    expect(missing).toEqual([]);
  });

  it('names every kind of audit entry, in both languages', () => {
    const missing = AUDIT_KINDS.map((kind) => `audit.kind.${kind}`).filter(
      (id) => !english[id] || !khmer[id],
    );
    expect(missing).toEqual([]);
  });
});
