// The ok/ and not-ok/ fixtures beside each schema, for table-driven specs.
//
// schemas/<recordType>/ok/<name>.json must validate; each
// schemas/<recordType>/not-ok/<name>.json breaks exactly one rule, declared in
// the sidecar not-ok/<name>.expect.json as { "path": <JSON pointer from the
// fixture's root>, "rule": <rule> }. Fixtures are payloads checked against
// their type's newest schema version, except the envelope's, which are whole
// records.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExpectedIssue {
  path: string;
  rule: string;
}

export interface SchemaFixture {
  recordType: string;
  kind: 'ok' | 'not-ok';
  /** File name without .json, which names the rule a not-ok fixture breaks. */
  name: string;
  /** Relative to the schemas folder, for test titles. */
  file: string;
  document: unknown;
  /** For not-ok fixtures: the one issue validation must report. */
  expected?: ExpectedIssue;
}

const EXPECT_SUFFIX = '.expect.json';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function isExpectedIssue(value: unknown): value is ExpectedIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { path, rule } = value as Record<string, unknown>;
  return (
    typeof path === 'string' &&
    typeof rule === 'string' &&
    Object.keys(value).length === 2 &&
    (path === '' || path.startsWith('/'))
  );
}

function listJson(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Every fixture under `schemasDir`. Throws on a not-ok fixture without its
 * sidecar, a sidecar without its fixture, or a malformed sidecar, so that no
 * fixture is silently skipped.
 */
export function loadSchemaFixtures(schemasDir: string): SchemaFixture[] {
  const fixtures: SchemaFixture[] = [];
  for (const entry of readdirSync(schemasDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const recordType = entry.name;
    for (const kind of ['ok', 'not-ok'] as const) {
      const dir = join(schemasDir, recordType, kind);
      const files = listJson(dir);
      const documents = files.filter((name) => !name.endsWith(EXPECT_SUFFIX));
      for (const sidecar of files.filter((name) => name.endsWith(EXPECT_SUFFIX))) {
        const fixture = sidecar.slice(0, -EXPECT_SUFFIX.length) + '.json';
        if (kind === 'ok' || !documents.includes(fixture)) {
          throw new Error(`${recordType}/${kind}/${sidecar} has no not-ok fixture ${fixture}`);
        }
      }
      for (const file of documents) {
        const name = file.slice(0, -'.json'.length);
        const fixture: SchemaFixture = {
          recordType,
          kind,
          name,
          file: `${recordType}/${kind}/${file}`,
          document: readJson(join(dir, file)),
        };
        if (kind === 'not-ok') {
          const sidecar = `${name}${EXPECT_SUFFIX}`;
          if (!files.includes(sidecar)) {
            throw new Error(
              `${fixture.file} needs ${sidecar} declaring the { path, rule } it breaks`,
            );
          }
          const expected = readJson(join(dir, sidecar));
          if (!isExpectedIssue(expected)) {
            throw new Error(`${recordType}/${kind}/${sidecar} must be exactly { "path", "rule" }`);
          }
          fixture.expected = expected;
        }
        fixtures.push(fixture);
      }
    }
  }
  return fixtures;
}
