import { beforeAll, describe, expect, it } from '@jest/globals';
import type { CivilEvent, Person, RecordType } from '#spean/contracts';
import { RecordValidator } from '#spean/schema-registry';
import {
  ADAPTER_RECORD_TYPES,
  adapterFor,
  generatePopulation,
  type AdapterName,
  type PopulationBatch,
  type PopulationCounts,
  type SeedRecord,
} from './population-generator.js';

const ADAPTERS = Object.keys(ADAPTER_RECORD_TYPES) as AdapterName[];

interface Generated {
  batches: PopulationBatch[];
  records: SeedRecord[];
  counts: PopulationCounts;
}

function generate(citizens: number, seed: number, batchSize?: number): Generated {
  const run = generatePopulation({ citizens, seed, ...(batchSize ? { batchSize } : {}) });
  const batches = [...run];
  const records = batches.flatMap((batch) =>
    ADAPTERS.flatMap((adapter): SeedRecord[] => batch[adapter]),
  );
  return { batches, records, counts: run.counts };
}

function ofType<T extends RecordType>(records: SeedRecord[], type: T): SeedRecord<T>[] {
  return records.filter((record) => record.recordType === type) as unknown as SeedRecord<T>[];
}

const YEAR_MS = 365.25 * 86_400_000;
const AS_OF = Date.parse('2026-01-01');

function age(dateOfBirth: string, at = AS_OF): number {
  return (at - Date.parse(dateOfBirth)) / YEAR_MS;
}

describe('generatePopulation', () => {
  let small: Generated;
  let persons: Map<string, Person>;

  beforeAll(() => {
    small = generate(2000, 7);
    persons = new Map(ofType(small.records, 'person').map((r) => [r.subjectId, r.payload]));
  });

  it('gives the same records for the same seed, and others for another seed', () => {
    const again = generate(2000, 7);
    expect(JSON.stringify(again.batches)).toBe(JSON.stringify(small.batches));
    const iteratedTwice = generatePopulation({ citizens: 300, seed: 7 });
    expect(JSON.stringify([...iteratedTwice])).toBe(JSON.stringify([...iteratedTwice]));
    const other = generate(2000, 8);
    const names = (g: Generated) =>
      ofType(g.records, 'person').map((r) => JSON.stringify(r.payload.name));
    expect(names(other)).not.toEqual(names(small));
    expect(ofType(other.records, 'person')[0]!.subjectId).not.toBe(
      ofType(small.records, 'person')[0]!.subjectId,
    );
  });

  it('generates exactly the citizens asked for, each with a person and an address record', () => {
    expect(small.counts.citizens).toBe(2000);
    expect(small.counts.records.person).toBe(2000);
    expect(small.counts.records.address).toBe(2000);
    expect(persons.size).toBe(2000);
    const addressed = new Set(ofType(small.records, 'address').map((r) => r.subjectId));
    expect([...persons.keys()].every((id) => addressed.has(id))).toBe(true);
    expect(small.counts.living + small.counts.deceased).toBe(2000);
  });

  it('counts every record it yields', () => {
    for (const type of Object.keys(small.counts.records) as RecordType[]) {
      expect(ofType(small.records, type)).toHaveLength(small.counts.records[type]);
    }
    const events = ofType(small.records, 'civil-event');
    for (const eventType of ['birth', 'death', 'marriage'] as const) {
      expect(events.filter((r) => r.payload.eventType === eventType)).toHaveLength(
        small.counts.civilEvents[eventType],
      );
    }
  });

  it('yields batches of whole households, by adapter, each record with its adapter', () => {
    const run = generate(5000, 3, 500);
    expect(run.batches.length).toBeGreaterThanOrEqual(9);
    for (const batch of run.batches) {
      expect(Object.keys(batch).sort()).toEqual([...ADAPTERS].sort());
      const people = batch.interior.filter((r) => r.recordType === 'person').length;
      expect(people).toBeGreaterThan(0);
      expect(people).toBeLessThan(500 + 15);
      for (const adapter of ADAPTERS) {
        for (const record of batch[adapter]) expect(adapterFor(record.recordType)).toBe(adapter);
      }
    }
  });

  it('produces records that pass the record validator once an adapter stamps its source', () => {
    const validator = new RecordValidator();
    const failures: unknown[] = [];
    let checked = 0;
    for (const batch of small.batches) {
      for (const adapter of ADAPTERS) {
        for (const record of batch[adapter]) {
          const result = validator.validate({ ...record, source: adapter });
          checked++;
          if (!result.ok) failures.push({ recordId: record.recordId, errors: result.errors });
          else {
            // Every other citizen a record names exists in the population.
            for (const id of result.relatedSubjects) expect(persons.has(id)).toBe(true);
          }
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(checked).toBe(small.records.length);
    expect(new Set(small.records.map((r) => r.recordType)).size).toBe(7);
  });

  it('leaves source and eventId to the adapter and stamps +07:00 times', () => {
    for (const record of small.records) {
      expect(record).not.toHaveProperty('source');
      expect(record).not.toHaveProperty('eventId');
      expect(record.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect(record.version).toBe(1);
      expect(record.op).toBe('upsert');
    }
  });

  it('never repeats a national id, an ID card number or a record id of one type', () => {
    const big = generate(30_000, 11);
    const people = ofType(big.records, 'person');
    expect(new Set(people.map((r) => r.subjectId)).size).toBe(30_000);
    const cards = people.flatMap((r) => (r.payload.idCardNumber ? [r.payload.idCardNumber] : []));
    expect(new Set(cards).size).toBe(cards.length);
    for (const type of Object.keys(big.counts.records) as RecordType[]) {
      const ids = ofType(big.records, type).map((r) => r.recordId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('names recordIds after the natural ids of their registers', () => {
    for (const r of ofType(small.records, 'person'))
      expect(r.recordId).toBe(`MOI-P-${r.subjectId}`);
    for (const r of ofType(small.records, 'address'))
      expect(r.recordId).toBe(`MOI-A-${r.subjectId}`);
    for (const r of ofType(small.records, 'civil-event')) {
      expect(r.recordId).toMatch(/^CR-\d{6}-\d{4}-\d{6}$/);
      expect(r.recordId.slice(3, 9)).toBe(r.payload.issuingCommune.code);
      expect(r.recordId.slice(10, 14)).toBe(r.payload.registeredOn.slice(0, 4));
    }
    for (const r of ofType(small.records, 'vehicle-registration'))
      expect(r.recordId).toBe(r.payload.plateNumber);
    for (const r of ofType(small.records, 'land-title'))
      expect(r.recordId).toBe(r.payload.titleNumber);
    for (const r of ofType(small.records, 'business-registration'))
      expect(r.recordId).toBe(r.payload.registrationNumber);
    for (const r of ofType(small.records, 'taxpayer')) expect(r.recordId).toBe(r.payload.tin);
  });

  it('links families consistently', () => {
    const events = ofType(small.records, 'civil-event');
    let linkedChildren = 0;
    for (const person of persons.values()) {
      for (const parent of person.parents ?? []) {
        linkedChildren++;
        const record = persons.get(parent.nationalId);
        expect(record).toBeDefined();
        expect(record!.sex).toBe(parent.role === 'mother' ? 'female' : 'male');
        // A parent was at least 15 when the child was born.
        expect(age(record!.dateOfBirth, Date.parse(person.dateOfBirth))).toBeGreaterThan(15);
      }
    }
    expect(linkedChildren).toBeGreaterThan(500);
    for (const { payload } of events.filter((r) => r.payload.eventType === 'marriage')) {
      const a = persons.get(payload.subject.nationalId)!;
      const b = persons.get(payload.spouse!.nationalId)!;
      expect(a).toBeDefined();
      expect(b).toBeDefined();
      expect(a.sex).not.toBe(b.sex);
      for (const spouse of [a, b])
        expect(age(spouse.dateOfBirth, Date.parse(payload.date))).toBeGreaterThanOrEqual(16);
    }
  });

  it('registers recent births with the child as the person record has it', () => {
    const births = ofType(small.records, 'civil-event').filter(
      (r) => r.payload.eventType === 'birth',
    );
    expect(births.length).toBeGreaterThan(20);
    for (const { subjectId, payload } of births) {
      const child = persons.get(subjectId)!;
      expect(payload.subject.nationalId).toBe(subjectId);
      expect(payload.date).toBe(child.dateOfBirth);
      expect(age(child.dateOfBirth)).toBeLessThan(2.01);
      expect(payload.child).toEqual({
        name: child.name,
        sex: child.sex,
        placeOfBirth: child.placeOfBirth,
      });
      expect(payload.parents).toEqual(child.parents);
    }
    // Every linked child born in the last two years has its birth registered.
    const registered = new Set(births.map((r) => r.subjectId));
    for (const [id, person] of persons) {
      if (person.parents && age(person.dateOfBirth) < 1.99) expect(registered.has(id)).toBe(true);
    }
  });

  it('puts every person before the civil events and records that name them', () => {
    const seen = new Set<string>();
    for (const batch of small.batches) {
      for (const record of batch.interior) {
        if (record.recordType === 'person') {
          seen.add(record.subjectId);
          continue;
        }
        expect(seen.has(record.subjectId)).toBe(true);
        if (record.recordType === 'civil-event') {
          const event = record.payload as CivilEvent;
          if (event.spouse) expect(seen.has(event.spouse.nationalId)).toBe(true);
          for (const parent of event.parents ?? []) expect(seen.has(parent.nationalId)).toBe(true);
        }
      }
      for (const adapter of ADAPTERS.filter((a) => a !== 'interior')) {
        for (const record of batch[adapter]) expect(seen.has(record.subjectId)).toBe(true);
      }
    }
  });

  it('records deaths consistently and gives the dead nothing new', () => {
    const deaths = new Map(
      ofType(small.records, 'civil-event')
        .filter((r) => r.payload.eventType === 'death')
        .map((r) => [r.subjectId, r.payload]),
    );
    const dead = [...persons.entries()].filter(([, p]) => !p.alive);
    expect(dead.length).toBeGreaterThan(0);
    expect(deaths.size).toBe(dead.length);
    for (const [id, person] of dead) {
      expect(person.dateOfDeath).toBeDefined();
      expect(deaths.get(id)!.date).toBe(person.dateOfDeath);
      expect(person.dateOfDeath! > person.dateOfBirth).toBe(true);
    }
    const deadIds = new Set(dead.map(([id]) => id));
    const owners = [
      ...ofType(small.records, 'vehicle-registration').map((r) => r.subjectId),
      ...ofType(small.records, 'taxpayer').map((r) => r.subjectId),
      ...ofType(small.records, 'land-title').flatMap((r) =>
        r.payload.owners.map((o) => o.nationalId),
      ),
      ...ofType(small.records, 'business-registration').flatMap((r) =>
        r.payload.people.map((p) => p.nationalId),
      ),
    ];
    expect(owners.filter((id) => deadIds.has(id))).toEqual([]);
  });

  it('issues ID card numbers only to people aged 15 or more', () => {
    for (const person of persons.values()) {
      const at = person.dateOfDeath ? Date.parse(person.dateOfDeath) : AS_OF;
      if (person.idCardNumber) expect(age(person.dateOfBirth, at)).toBeGreaterThanOrEqual(14.99);
      else expect(age(person.dateOfBirth, at)).toBeLessThan(15.01);
    }
  });

  it('co-owns some land titles half and half, the subject first', () => {
    const titles = ofType(small.records, 'land-title');
    for (const title of titles) {
      expect(title.payload.owners[0]!.nationalId).toBe(title.subjectId);
      const shares = title.payload.owners.map((o) => o.share.numerator / o.share.denominator);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    }
    expect(titles.some((t) => t.payload.owners.length === 2)).toBe(true);
  });

  it('names a principal owner in every business, and companies with several people', () => {
    const businesses = ofType(small.records, 'business-registration');
    for (const { subjectId, payload } of businesses) {
      const owner = payload.people.find((p) => p.nationalId === subjectId);
      expect(owner?.roles).toContain('owner');
    }
    const big = ofType(generate(20_000, 5).records, 'business-registration');
    const companies = big.filter((b) => b.payload.legalForm !== 'sole-proprietorship');
    expect(companies.length).toBeGreaterThan(10);
    expect(companies.every((c) => c.payload.people.length >= 2)).toBe(true);
  });

  describe('in proportions like Cambodia', () => {
    let big: Generated;
    let people: Person[];
    let adults: number;

    beforeAll(() => {
      big = generate(40_000, 2);
      people = ofType(big.records, 'person').map((r) => r.payload);
      adults = people.filter((p) => p.alive && age(p.dateOfBirth) >= 18).length;
    });

    function share(count: number, of: number): number {
      return count / of;
    }

    it('has a young population, a few elderly and a few deceased', () => {
      const living = people.filter((p) => p.alive);
      const children = living.filter((p) => age(p.dateOfBirth) < 15).length;
      const elderly = living.filter((p) => age(p.dateOfBirth) >= 65).length;
      expect(share(children, living.length)).toBeGreaterThan(0.2);
      expect(share(children, living.length)).toBeLessThan(0.4);
      expect(share(elderly, living.length)).toBeGreaterThan(0.02);
      expect(share(elderly, living.length)).toBeLessThan(0.12);
      expect(share(big.counts.deceased, people.length)).toBeGreaterThan(0.005);
      expect(share(big.counts.deceased, people.length)).toBeLessThan(0.05);
      const households = big.counts.households;
      expect(people.length / households).toBeGreaterThan(3.2);
      expect(people.length / households).toBeLessThan(5);
    });

    it('has about as many women as men', () => {
      const women = people.filter((p) => p.sex === 'female').length;
      expect(share(women, people.length)).toBeGreaterThan(0.47);
      expect(share(women, people.length)).toBeLessThan(0.55);
    });

    it('lives mostly where the 2019 census counted people', () => {
      const byProvince = new Map<string, number>();
      for (const address of ofType(big.records, 'address')) {
        const code = address.payload.province.code!;
        byProvince.set(code, (byProvince.get(code) ?? 0) + 1);
      }
      expect(byProvince.size).toBe(25);
      const ranked = [...byProvince.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
      expect(ranked[0]).toBe('12');
      expect(share(byProvince.get('12')!, people.length)).toBeGreaterThan(0.12);
      expect(share(byProvince.get('12')!, people.length)).toBeLessThan(0.18);
      // Kep, Mondulkiri and Pailin are the smallest.
      expect(ranked.slice(-4)).toEqual(expect.arrayContaining(['23', '24']));
    });

    it('owns about half a motorcycle and a twelfth of a car per adult, more cars in Phnom Penh', () => {
      const vehicles = ofType(big.records, 'vehicle-registration');
      const motorcycles = vehicles.filter((v) => v.payload.category === 'motorcycle').length;
      const cars = vehicles.filter((v) => v.payload.category === 'car');
      expect(share(motorcycles, adults)).toBeGreaterThan(0.4);
      expect(share(motorcycles, adults)).toBeLessThan(0.6);
      expect(share(cars.length, adults)).toBeGreaterThan(0.06);
      expect(share(cars.length, adults)).toBeLessThan(0.1);
      const phnomPenh = cars.filter((c) => c.payload.plateNumber.startsWith('Phnom Penh ')).length;
      expect(share(phnomPenh, cars.length)).toBeGreaterThan(0.25);
    });

    it('holds about 0.3 land titles per household', () => {
      const titles = big.counts.records['land-title'];
      expect(share(titles, big.counts.households)).toBeGreaterThan(0.22);
      expect(share(titles, big.counts.households)).toBeLessThan(0.38);
    });

    it('has a business for about 4 % of adults, mostly sole proprietorships', () => {
      const businesses = ofType(big.records, 'business-registration');
      expect(share(businesses.length, adults)).toBeGreaterThan(0.03);
      expect(share(businesses.length, adults)).toBeLessThan(0.05);
      const sole = businesses.filter((b) => b.payload.legalForm === 'sole-proprietorship').length;
      expect(share(sole, businesses.length)).toBeGreaterThan(0.7);
    });

    it('registers every business owner and some other adults as taxpayers', () => {
      const taxpayers = new Set(ofType(big.records, 'taxpayer').map((r) => r.subjectId));
      const owners = ofType(big.records, 'business-registration').map((r) => r.subjectId);
      expect(owners.every((id) => taxpayers.has(id))).toBe(true);
      expect(share(taxpayers.size, adults)).toBeGreaterThan(0.14);
      expect(share(taxpayers.size, adults)).toBeLessThan(0.24);
    });
  });
});
