// Tell us once: when a taxpayer dies, the taxpayer registration is closed
// with the reason, so no further returns are demanded of the family.
import { revise, type Reaction } from '#spean/adapter-sdk';
import type { CivilEvent, Taxpayer } from '#spean/contracts';

export const taxpayerDeathReaction: Reaction = {
  recordType: 'civil-event',
  async react(record, { store }) {
    const event = record.payload as CivilEvent;
    if (event.eventType !== 'death') return [];
    const registrations = await store.bySubject<Taxpayer>('taxpayer', event.subject.nationalId);
    return registrations
      .filter((taxpayer) => taxpayer.payload.status !== 'closed')
      .map((taxpayer) =>
        revise(
          taxpayer,
          { status: 'closed', closedOn: event.date, closureReason: 'deceased' },
          record.occurredAt,
        ),
      );
  },
};
