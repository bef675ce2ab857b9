// Tell us once, end to end: a death registered at the interior adapter reaches
// transport, tax and commerce, each publishes its consequences, and one
// gateway lookup shows them all. Payloads come from the schemas' ok fixtures,
// so the test speaks exactly the canonical language.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { fixture, record } from '../support/canonical-records.js';
import {
  startStack,
  type AdapterName,
  type SpeanStack,
  type Transport,
} from '../support/spean-stack.js';

const ids = new VerhoeffNationalIdScheme();
const newNationalId = (): string => ids.fromSerial(randomInt(0, ids.capacity));

const suffix = (): string => String(randomInt(100_000, 999_999));

interface Household {
  deceased: string;
  partner: string;
  plate: string;
  tin: string;
  soleBusiness: string;
  sharedBusiness: string;
  title: string;
}

const CITIZEN = `query Citizen($id: ID!) {
  citizen(nationalId: $id, purpose: "land-administration") {
    nationalId
    person { alive dateOfDeath }
    address { province { latin } }
    vehicles { plateNumber ownerDeceased ownerDeceasedOn owner { nationalId } }
    landTitles { titleNumber owners { nationalId } }
    businesses { registrationNumber soleOwnerDeceased }
    taxpayer { tin status closureReason closedOn }
    lifeEvents { eventType date subject { nationalId } }
  }
}`;

interface CitizenData {
  citizen: null | {
    person: null | { alive: boolean; dateOfDeath: string | null };
    address: null | { province: { latin: string | null } };
    vehicles: Array<{
      plateNumber: string;
      ownerDeceased: boolean;
      ownerDeceasedOn: string | null;
    }>;
    landTitles: Array<{ titleNumber: string }>;
    businesses: Array<{ registrationNumber: string; soleOwnerDeceased: boolean }>;
    taxpayer: null | {
      tin: string;
      status: string;
      closureReason: string | null;
      closedOn: string | null;
    };
    lifeEvents: Array<{ eventType: string; date: string }>;
  };
}

export function describeLifeEvents(transport: Transport): void {
  describe(`life events, told once (${transport} bus)`, () => {
    let stack: SpeanStack;
    let agencyToken: string;

    beforeAll(async () => {
      stack = await startStack(transport, `life_${transport}`);
      agencyToken = await stack.token(stack.agency);
    });
    afterAll(async () => {
      await stack?.close();
    });

    const lookup = async (nationalId: string) =>
      (await stack.graphql<CitizenData>(agencyToken, CITIZEN, { id: nationalId })).data!.citizen;

    async function until(
      nationalId: string,
      done: (citizen: NonNullable<CitizenData['citizen']>) => boolean,
    ) {
      const started = performance.now();
      for (;;) {
        const citizen = await lookup(nationalId);
        if (citizen && done(citizen)) return { citizen, ms: performance.now() - started };
        if (performance.now() - started > 15_000)
          throw new Error(`not consistent within 15 s: ${JSON.stringify(citizen)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }

    async function publish(adapter: AdapterName, records: object[]): Promise<void> {
      const response = await stack.publishAs(adapter, records);
      expect({
        adapter,
        status: response.status,
        body: response.status === 202 ? {} : response.body,
      }).toEqual({
        adapter,
        status: 202,
        body: {},
      });
    }

    async function registerHousehold(): Promise<Household> {
      const h: Household = {
        deceased: newNationalId(),
        partner: newNationalId(),
        plate: `2A${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`,
        tin: `E001-${randomInt(100_000_000, 999_999_999)}`,
        soleBusiness: `MOC-${suffix()}`,
        sharedBusiness: `MOC-${suffix()}`,
        title: `LT-${suffix()}`,
      };
      const person = fixture<Record<string, unknown>>('person', 'adult-born-in-phnom-penh');
      await publish('interior', [
        record('person', `MOI-P-${h.deceased}`, h.deceased, { ...person, nationalId: h.deceased }),
        record('person', `MOI-P-${h.partner}`, h.partner, { ...person, nationalId: h.partner }),
      ]);
      const car = fixture<Record<string, unknown>>('vehicle-registration', 'car-in-phnom-penh');
      await publish('transport', [
        record('vehicle-registration', h.plate, h.deceased, {
          ...car,
          plateNumber: h.plate,
          owner: { nationalId: h.deceased },
          ownerDeceased: false,
        }),
      ]);
      const taxpayer = fixture<Record<string, unknown>>('taxpayer', 'individual-active');
      await publish('tax', [
        record('taxpayer', h.tin, h.deceased, { ...taxpayer, tin: h.tin, nationalId: h.deceased }),
      ]);
      const sole = fixture<Record<string, unknown>>(
        'business-registration',
        'sole-proprietor-spice-shop',
      );
      const shared = fixture<Record<string, unknown>>(
        'business-registration',
        'general-partnership-two-owners',
      );
      await publish('commerce', [
        record('business-registration', h.soleBusiness, h.deceased, {
          ...sole,
          registrationNumber: h.soleBusiness,
          people: [{ nationalId: h.deceased, roles: ['owner', 'director'] }],
          soleOwnerDeceased: false,
        }),
        record('business-registration', h.sharedBusiness, h.partner, {
          ...shared,
          registrationNumber: h.sharedBusiness,
          people: [
            { nationalId: h.partner, roles: ['owner'], share: { numerator: 1, denominator: 2 } },
            { nationalId: h.deceased, roles: ['owner'], share: { numerator: 1, denominator: 2 } },
          ],
          soleOwnerDeceased: false,
        }),
      ]);
      const title = fixture<Record<string, unknown>>(
        'land-title',
        'married-couple-siem-reap-mortgaged',
      );
      await publish('land', [
        record('land-title', h.title, h.partner, {
          ...title,
          titleNumber: h.title,
          owners: [
            { nationalId: h.partner, share: { numerator: 1, denominator: 2 } },
            { nationalId: h.deceased, share: { numerator: 1, denominator: 2 } },
          ],
        }),
      ]);
      await until(
        h.deceased,
        (c) =>
          c.person !== null &&
          c.vehicles.length === 1 &&
          c.taxpayer !== null &&
          c.businesses.length === 2 &&
          c.landTitles.length === 1,
      );
      return h;
    }

    it('shows a death and every consequence in one lookup within a second', async () => {
      const h = await registerHousehold();
      const death = fixture<Record<string, unknown>>('civil-event', 'death-in-kandal');
      await publish('interior', [
        record('civil-event', `CR-081102-2026-${suffix()}`, h.deceased, {
          ...death,
          subject: { nationalId: h.deceased },
          date: '2026-11-20',
          registeredOn: '2026-11-21',
        }),
      ]);
      const { citizen, ms } = await until(
        h.deceased,
        (c) =>
          c.person?.alive === false &&
          c.vehicles.every((v) => v.ownerDeceased) &&
          c.taxpayer?.status === 'closed' &&
          c.businesses.some((b) => b.soleOwnerDeceased),
      );
      expect(ms).toBeLessThan(1000);
      expect(citizen.person).toEqual({ alive: false, dateOfDeath: '2026-11-20' });
      expect(citizen.vehicles).toEqual([
        expect.objectContaining({
          plateNumber: h.plate,
          ownerDeceased: true,
          ownerDeceasedOn: '2026-11-20',
        }),
      ]);
      expect(citizen.taxpayer).toEqual({
        tin: h.tin,
        status: 'closed',
        closureReason: 'deceased',
        closedOn: '2026-11-20',
      });
      const byNumber = Object.fromEntries(
        citizen.businesses.map((b) => [b.registrationNumber, b.soleOwnerDeceased]),
      );
      // Only the business whose sole owner died is flagged; the partnership goes on.
      expect(byNumber).toEqual({ [h.soleBusiness]: true, [h.sharedBusiness]: false });
      expect(citizen.landTitles.map((t) => t.titleNumber)).toEqual([h.title]);
      expect(citizen.lifeEvents).toEqual([
        expect.objectContaining({ eventType: 'death', date: '2026-11-20' }),
      ]);

      // The co-owner sees the shared land and business, and no vehicle of the deceased.
      const partner = await lookup(h.partner);
      expect(partner!.landTitles.map((t) => t.titleNumber)).toEqual([h.title]);
      expect(partner!.businesses.map((b) => b.registrationNumber)).toEqual([h.sharedBusiness]);
      expect(partner!.vehicles).toEqual([]);
    });

    it('moves a sold vehicle from the seller to the buyer', async () => {
      const seller = newNationalId();
      const buyer = newNationalId();
      const plate = `2B${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`;
      const car = fixture<Record<string, unknown>>('vehicle-registration', 'car-in-phnom-penh');
      const vehicle = (owner: string, version: number) =>
        record(
          'vehicle-registration',
          plate,
          owner,
          { ...car, plateNumber: plate, owner: { nationalId: owner }, ownerDeceased: false },
          version,
        );
      await publish('transport', [vehicle(seller, 1)]);
      await until(seller, (c) => c.vehicles.length === 1);
      await publish('transport', [vehicle(buyer, 2)]);
      await until(buyer, (c) => c.vehicles.some((v) => v.plateNumber === plate));
      expect((await lookup(seller))?.vehicles ?? []).toEqual([]);
    });

    it('registers a birth as a new person linked to the parents, and a move as a new address', async () => {
      const mother = newNationalId();
      const child = newNationalId();
      const person = fixture<Record<string, unknown>>('person', 'adult-born-in-phnom-penh');
      await publish('interior', [
        record('person', `MOI-P-${mother}`, mother, {
          ...person,
          nationalId: mother,
          sex: 'female',
        }),
      ]);
      const birth = fixture<Record<string, unknown>>('civil-event', 'birth-mother-only-codes-only');
      await publish('interior', [
        record('civil-event', `CR-120101-2026-${suffix()}`, child, {
          ...birth,
          subject: { nationalId: child },
          parents: [{ nationalId: mother, role: 'mother' }],
        }),
      ]);
      const newborn = await stack.graphql<{
        citizen: { person: { alive: boolean; parents: Array<{ nationalId: string }> } };
      }>(
        agencyToken,
        `query($id: ID!) { citizen(nationalId: $id, purpose: "social-assistance") { person { alive parents { nationalId role } } } }`,
        { id: child },
      );
      // The reaction may not have landed on the first try: wait for it.
      let parents = newborn.data?.citizen?.person?.parents;
      const started = performance.now();
      while (!parents && performance.now() - started < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const again = await stack.graphql<{
          citizen: { person: { parents: Array<{ nationalId: string }> } | null } | null;
        }>(
          agencyToken,
          `query($id: ID!) { citizen(nationalId: $id, purpose: "social-assistance") { person { parents { nationalId role } } } }`,
          { id: child },
        );
        parents = again.data?.citizen?.person?.parents;
      }
      expect(parents).toEqual([{ nationalId: mother, role: 'mother' }]);
      // The mother sees the birth among her life events.
      const { citizen } = await until(mother, (c) =>
        c.lifeEvents.some((e) => e.eventType === 'birth'),
      );
      expect(citizen.lifeEvents.map((e) => e.eventType)).toEqual(['birth']);

      const move = fixture<Record<string, unknown>>(
        'civil-event',
        'change-of-address-to-battambang',
      );
      await publish('interior', [
        record('civil-event', `CR-020101-2026-${suffix()}`, mother, {
          ...move,
          subject: { nationalId: mother },
        }),
      ]);
      const { citizen: moved } = await until(
        mother,
        (c) => c.address?.province.latin === 'Battambang' && c.lifeEvents.length === 2,
      );
      expect(moved.lifeEvents.map((e) => e.eventType).sort()).toEqual([
        'birth',
        'change-of-address',
      ]);
    });
  });
}
