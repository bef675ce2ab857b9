// Tell us once: when the civil register records a death, every vehicle the
// deceased owned is marked as owned by a deceased person, so the registration
// desk knows to expect a transfer to the heirs.
import { revise, type Reaction } from '#spean/adapter-sdk';
import type { CivilEvent, VehicleRegistration } from '#spean/contracts';

export const ownerDeathReaction: Reaction = {
  recordType: 'civil-event',
  async react(record, { store }) {
    const event = record.payload as CivilEvent;
    if (event.eventType !== 'death') return [];
    const vehicles = await store.bySubject<VehicleRegistration>(
      'vehicle-registration',
      event.subject.nationalId,
    );
    return vehicles
      .filter((vehicle) => !vehicle.payload.ownerDeceased)
      .map((vehicle) =>
        revise(vehicle, { ownerDeceased: true, ownerDeceasedOn: event.date }, record.occurredAt),
      );
  },
};
