// Tell us once: when the only owner of a business dies, the business is
// flagged, so the registry can ask the heirs how it goes on. Businesses with
// other owners are not touched: they go on as they were.
import { revise, type Reaction } from '#spean/adapter-sdk';
import type { BusinessRegistration, CivilEvent } from '#spean/contracts';

export const soleOwnerDeathReaction: Reaction = {
  recordType: 'civil-event',
  async react(record, { store }) {
    const event = record.payload as CivilEvent;
    if (event.eventType !== 'death') return [];
    const deceased = event.subject.nationalId;
    const businesses = await store.concerning<BusinessRegistration>(
      'business-registration',
      deceased,
    );
    return businesses
      .filter((business) => {
        const owners = business.payload.people.filter((person) => person.roles.includes('owner'));
        return (
          owners.length === 1 &&
          owners[0]!.nationalId === deceased &&
          !business.payload.soleOwnerDeceased
        );
      })
      .map((business) =>
        revise(
          business,
          { soleOwnerDeceased: true, soleOwnerDeceasedOn: event.date },
          record.occurredAt,
        ),
      );
  },
};
