// One citizen with a record in every section: person, address, a vehicle, a
// land title, a business, a taxpayer registration and a life event, built from
// the schemas' ok fixtures with the fixture's subject replaced, and published
// through each ministry's own adapter.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { CITIZEN_SECTIONS, type CitizenSection } from '#spean/access';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import type { AdapterName, SpeanStack } from './spean-stack.js';

const ids = new VerhoeffNationalIdScheme();
const root = path.resolve(import.meta.dirname, '..', '..');

export const newNationalId = (): string => ids.fromSerial(randomInt(0, ids.capacity));

const SECTIONS: ReadonlyArray<[AdapterName, string, string]> = [
  ['interior', 'person', 'adult-born-in-phnom-penh'],
  ['interior', 'address', 'phnom-penh-house'],
  ['interior', 'civil-event', 'marriage-in-siem-reap'],
  ['transport', 'vehicle-registration', 'car-in-phnom-penh'],
  ['land', 'land-title', 'sole-owner-phnom-penh'],
  ['commerce', 'business-registration', 'sole-proprietor-spice-shop'],
  ['tax', 'taxpayer', 'individual-active'],
];

/** The fixture payload with its subject's national id replaced by `nationalId`. */
export function fixtureAbout(recordType: string, name: string, nationalId: string): object {
  const text = fs.readFileSync(
    path.join(root, 'schemas', recordType, 'ok', `${name}.json`),
    'utf8',
  );
  const schema = defaultSchemaCatalog().get(recordType, 1)!;
  const subject = schema.subjectLocation
    ? schema.subjectCandidates(JSON.parse(text))[0]?.value
    : undefined;
  return JSON.parse(subject ? text.replaceAll(subject, nationalId) : text) as object;
}

/**
 * Publishes the citizen everywhere (or only the records of `recordTypes`) and
 * waits until the stack's own agency sees each section published.
 */
export async function publishFullCitizen(
  stack: SpeanStack,
  nationalId: string,
  recordTypes: readonly string[] = SECTIONS.map(([, recordType]) => recordType),
): Promise<void> {
  const published = SECTIONS.filter(([, recordType]) => recordTypes.includes(recordType));
  for (const [adapter, recordType, name] of published) {
    const response = await stack.publishAs(adapter, {
      recordType,
      schemaVersion: 1,
      recordId: `${recordType}-${nationalId}`,
      subjectId: nationalId,
      version: 1,
      op: 'upsert',
      occurredAt: '2026-11-21T10:00:00+07:00',
      payload: fixtureAbout(recordType, name, nationalId),
    });
    if (response.status !== 202)
      throw new Error(`${adapter} refused ${recordType}: ${JSON.stringify(response.body)}`);
  }
  const token = await stack.token(stack.agency);
  const started = performance.now();
  for (;;) {
    const { data } = await stack.graphql<{ citizen: Record<string, unknown> | null }>(
      token,
      `query($id: ID!) { citizen(nationalId: $id, purpose: "business-registration") {
         person { alive } address { since } vehicles { plateNumber } landTitles { titleNumber }
         businesses { registrationNumber } taxpayer { tin } lifeEvents { eventType } } }`,
      { id: nationalId },
    );
    const citizen = data?.citizen;
    const seen = (section: CitizenSection): boolean =>
      section.many
        ? Boolean((citizen?.[section.name] as unknown[] | null)?.length)
        : Boolean(citizen?.[section.name]);
    const sections = CITIZEN_SECTIONS.filter((section) =>
      published.some(([, recordType]) => recordType === section.recordType),
    );
    if (citizen && sections.every(seen)) return;
    if (performance.now() - started > 15_000)
      throw new Error(`the citizen did not appear in every section: ${JSON.stringify(citizen)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
