// The civil register acting on its own life events: a death updates the
// person record, a birth creates the child's person record linked to the
// parents, a change of address moves the address record. Other ministries
// react to the same events through their own adapters.
import { revise, type Reaction } from '#spean/adapter-sdk';
import type { Address, CivilEvent, Person } from '#spean/contracts';

export const personRecordId = (nationalId: string): string => `MOI-P-${nationalId}`;
export const addressRecordId = (nationalId: string): string => `MOI-A-${nationalId}`;

export const civilRegisterReaction: Reaction = {
  recordType: 'civil-event',
  async react(record, { store }) {
    const event = record.payload as CivilEvent;
    const nationalId = event.subject.nationalId;
    switch (event.eventType) {
      case 'death': {
        const [person] = await store.bySubject<Person>('person', nationalId);
        if (!person || (!person.payload.alive && person.payload.dateOfDeath === event.date))
          return [];
        return [revise(person, { alive: false, dateOfDeath: event.date }, record.occurredAt)];
      }
      case 'birth': {
        const [existing] = await store.bySubject<Person>('person', nationalId);
        if (existing || !event.child) return [];
        const person: Person = {
          nationalId,
          name: event.child.name,
          sex: event.child.sex,
          dateOfBirth: event.date,
          placeOfBirth: event.child.placeOfBirth,
          alive: true,
          ...(event.parents ? { parents: event.parents } : {}),
        };
        return [
          newRecord('person', personRecordId(nationalId), nationalId, record.occurredAt, person),
        ];
      }
      case 'change-of-address': {
        if (!event.newAddress) return [];
        const [current] = await store.bySubject<Address>('address', nationalId);
        if (!current) {
          return [
            newRecord(
              'address',
              addressRecordId(nationalId),
              nationalId,
              record.occurredAt,
              event.newAddress,
            ),
          ];
        }
        if (JSON.stringify(current.payload) === JSON.stringify(event.newAddress)) return [];
        // The new address replaces the old one whole: no field of the old address survives a move.
        const next = revise(current, {}, record.occurredAt);
        return [{ ...next, payload: event.newAddress }];
      }
      default:
        return [];
    }
  },
};

function newRecord(
  recordType: string,
  recordId: string,
  subjectId: string,
  occurredAt: string,
  payload: object,
) {
  return {
    recordType,
    schemaVersion: 1,
    recordId,
    subjectId,
    version: 1,
    op: 'upsert',
    occurredAt,
    payload,
  };
}
