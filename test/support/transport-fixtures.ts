// The transport ministry's records, CSV rows and the interior's death events,
// as the adapter specs send them: one place, so every spec sends the same.
import { generateKeyPairSync, randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AdapterRecordRepository } from '#spean/adapter-sdk';
import { topicFor, type ConsumedMessage } from '#spean/bus';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import type { Database } from '#spean/persistence';
import { signedMessage } from './signed-message.js';

const ids = new VerhoeffNationalIdScheme();

/** A canonical vehicle registration of `owner`, as the transport ministry sends it. */
export const vehicle = (plate: string, owner: string, version = 1): Record<string, unknown> => ({
  recordType: 'vehicle-registration',
  schemaVersion: 1,
  recordId: plate,
  subjectId: owner,
  version,
  op: 'upsert',
  occurredAt: '2026-12-01T10:00:00+07:00',
  payload: {
    plateNumber: plate,
    vin: 'JTDKB20U093456789',
    make: 'Toyota',
    model: 'Prius',
    year: 2009,
    category: 'car',
    owner: { nationalId: owner },
    registrationDate: '2019-03-02',
    status: 'active',
    ownerDeceased: version > 1,
  },
});
/** The transport CSV export's header, and a row of it. */
export const IMPORT_HEADER = [
  'plate_number',
  'vin',
  'make',
  'model',
  'year',
  'category',
  'colour',
  'owner_national_id',
  'owner_name',
  'registration_date',
  'inspection_due_date',
  'status',
];
export const importRow = (plate: string, owner: string): string[] => [
  plate,
  'JTDKB20U093456789',
  'Toyota',
  'Prius',
  '2009',
  'car',
  'silver',
  owner,
  'Sok Chantha',
  '2019-03-02',
  '2027-03-02',
  'active',
];
const deathFixture = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../schemas/civil-event/ok/death-in-kandal.json'),
    'utf8',
  ),
) as Record<string, unknown>;
/** The interior adapter's record of `owner`'s death, a new event each call. */
export const deathOf = (owner: string): Record<string, unknown> => ({
  recordType: 'civil-event',
  schemaVersion: 1,
  recordId: `CE-${randomUUID()}`,
  subjectId: owner,
  version: 1,
  op: 'upsert',
  source: 'interior',
  eventId: randomUUID(),
  occurredAt: '2026-12-01T10:00:00+07:00',
  payload: { ...deathFixture, subject: { nationalId: owner } },
});
export const DEATH_HEADERS = {
  'record-type': 'civil-event',
  'schema-version': '1',
  source: 'interior',
};
/** The interior adapter's signing key in the adapter specs (startAdapterMedium approves it). */
export const INTERIOR_KEY = generateKeyPairSync('ed25519').privateKey;
/** The message signed by interior over its value as it is now. */
export const signedByInterior = (message: ConsumedMessage): ConsumedMessage => ({
  ...message,
  ...signedMessage(INTERIOR_KEY, { ...message, headers: DEATH_HEADERS }),
});
/** A death as the reaction consumer receives it: signed by interior. */
export const deathMessage = (owner: string): ConsumedMessage =>
  signedByInterior({
    topic: topicFor('civil-event'),
    partition: 0,
    offset: '0',
    key: owner,
    value: Buffer.from(JSON.stringify(deathOf(owner))),
    headers: DEATH_HEADERS,
    timestamp: new Date(),
  });
export const newOwner = (): string => ids.fromSerial(randomInt(0, ids.capacity));
export const newPlate = (): string =>
  `2C${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`;

/** Keeps `vehicle(plate, owner)` in the transport adapter's store at version 1, as if published before. */
export async function storedVehicle(
  database: Database,
  plate: string,
  owner: string,
): Promise<void> {
  await new AdapterRecordRepository(database, 'transport').save([
    {
      recordType: 'vehicle-registration',
      recordId: plate,
      subjectId: owner,
      relatedSubjects: [],
      version: 1,
      schemaVersion: 1,
      deleted: false,
      payload: vehicle(plate, owner).payload as Record<string, unknown>,
      eventId: randomUUID(),
      occurredAt: '2026-12-01T10:00:00+07:00',
    },
  ]);
}
