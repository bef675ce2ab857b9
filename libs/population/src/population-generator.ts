// A synthetic population of Cambodia as canonical records: households where
// people live, marry, have children and die, and what they own — vehicles,
// land, businesses — and their tax registrations. Everything is drawn from a
// seeded generator, so the same options always give the same records, and it
// is streamed in batches of households, so a million citizens never sit in
// memory at once.
//
// Records come out grouped by the adapter that publishes them, without
// `source` (the adapter stamps it) and without `eventId` (intake assigns it).
// Within a batch a person's records come before the civil events that name
// them, and every national id a record names belongs to a person generated
// earlier in the stream.

import {
  VerhoeffNationalIdScheme,
  type Address,
  type BusinessRegistration,
  type CivilEvent,
  type LandTitle,
  type PayloadByRecordType,
  type Person,
  type RecordType,
  type Taxpayer,
  type UpsertRecord,
  type VehicleRegistration,
  type addressV1,
  type businessRegistrationV1,
  type personV1,
} from '#spean/contracts';
import { COMPANY_STEMS, COMPANY_TRADES, SHOP_TRADES } from './business-names.js';
import { addYears, dayOf, firstDayOfYear, isoDateOf, yearOf } from './calendar.js';
import { PROVINCES, type Commune, type District, type Province } from './gazetteer.js';
import {
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  type KhmerName,
} from './khmer-names.js';
import { SeededRandom, WeightedTable, mixSeed } from './seeded-random.js';
import { CARS, COLOURS, MOTORCYCLES, buildVin, type VehicleModel } from './vehicle-catalogue.js';

/** A canonical record as an adapter receives it: no `source` yet, no `eventId`. */
export type SeedRecord<T extends RecordType = RecordType> = {
  [K in T]: Omit<UpsertRecord<PayloadByRecordType[K]>, 'source' | 'eventId' | 'recordType'> & {
    recordType: K;
  };
}[T];

/** Which adapter publishes which record types (the adapters' `publishes`). */
export const ADAPTER_RECORD_TYPES = {
  interior: ['person', 'address', 'civil-event'],
  transport: ['vehicle-registration'],
  land: ['land-title'],
  commerce: ['business-registration'],
  tax: ['taxpayer'],
} as const satisfies Record<string, readonly RecordType[]>;

export type AdapterName = keyof typeof ADAPTER_RECORD_TYPES;

const ADAPTER_OF: Record<RecordType, AdapterName> = {
  person: 'interior',
  address: 'interior',
  'civil-event': 'interior',
  'vehicle-registration': 'transport',
  'land-title': 'land',
  'business-registration': 'commerce',
  taxpayer: 'tax',
};

/** The adapter that publishes records of `recordType`. */
export function adapterFor(recordType: RecordType): AdapterName {
  return ADAPTER_OF[recordType];
}

/** One batch of households' records, by the adapter that publishes them. */
export interface PopulationBatch {
  /** Persons and addresses, then the civil events about them. */
  interior: SeedRecord<'person' | 'address' | 'civil-event'>[];
  transport: SeedRecord<'vehicle-registration'>[];
  land: SeedRecord<'land-title'>[];
  commerce: SeedRecord<'business-registration'>[];
  tax: SeedRecord<'taxpayer'>[];
}

export interface PopulationOptions {
  /** How many persons to generate, living and deceased; each gets a person and an address record. */
  citizens: number;
  /** Default 1. */
  seed?: number;
  /**
   * The national id serial of the first person; the others follow
   * (serial = startSerial + index), so ids never repeat within a run. Defaults
   * to a position derived from the seed, so runs with different seeds rarely
   * overlap; give it explicitly to place runs side by side.
   */
  startSerial?: number;
  /** Roughly how many persons per batch (whole households). Default 1000. */
  batchSize?: number;
  /** The day the register is read, YYYY-MM-DD; ages and "recent" count from it. Default 2026-01-01. */
  asOf?: string;
}

export interface PopulationCounts {
  citizens: number;
  living: number;
  deceased: number;
  households: number;
  motorcycles: number;
  cars: number;
  records: Record<RecordType, number>;
  civilEvents: { birth: number; death: number; marriage: number };
}

/**
 * The population as an iterable of batches. Each iteration starts again from
 * the seed and yields the same records; `counts` describes the latest
 * iteration and is complete once it has run to the end.
 */
export interface PopulationRun extends Iterable<PopulationBatch> {
  readonly counts: PopulationCounts;
  /** The serial of the first person's national id. */
  readonly startSerial: number;
}

export const DEFAULT_AS_OF = '2026-01-01';

const ID_SCHEME = new VerhoeffNationalIdScheme();

export function generatePopulation(options: PopulationOptions): PopulationRun {
  const citizens = options.citizens;
  const seed = options.seed ?? 1;
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isSafeInteger(citizens) || citizens < 0) {
    throw new RangeError('citizens must be a whole number, 0 or more');
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a whole number');
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError('batchSize must be a whole number above 0');
  }
  const room = ID_SCHEME.capacity - citizens;
  if (room < 0) throw new RangeError(`at most ${ID_SCHEME.capacity} citizens fit the id scheme`);
  const startSerial = options.startSerial ?? mixSeed(seed, 0x5eed) % (room + 1);
  if (!Number.isSafeInteger(startSerial) || startSerial < 0 || startSerial > room) {
    throw new RangeError(`startSerial must be a whole number from 0 to ${room}`);
  }
  const asOf = dayOf(options.asOf ?? DEFAULT_AS_OF);
  let counts = emptyCounts();
  return {
    get counts() {
      return counts;
    },
    startSerial,
    *[Symbol.iterator]() {
      const generator = new PopulationGenerator(seed, startSerial, asOf);
      counts = generator.counts;
      yield* generator.batches(citizens, batchSize);
    },
  };
}

function emptyCounts(): PopulationCounts {
  return {
    citizens: 0,
    living: 0,
    deceased: 0,
    households: 0,
    motorcycles: 0,
    cars: 0,
    records: {
      person: 0,
      address: 0,
      'civil-event': 0,
      'vehicle-registration': 0,
      'land-title': 0,
      'business-registration': 0,
      taxpayer: 0,
    },
    civilEvents: { birth: 0, death: 0, marriage: 0 },
  };
}

// ---------------------------------------------------------------------------
// Shared, precomputed pieces of payloads. Records share these objects (frozen,
// so no consumer can change one record through another): a million records
// then cost a million envelopes, not a million copies of "Phnom Penh".

type Ref = Readonly<{ code: string; khmer: string; latin: string }>;
type Sex = 'female' | 'male';
type Parent = personV1.Parent;
type PlaceOfBirth = Person['placeOfBirth'];

interface CommuneRefs {
  readonly commune: Commune;
  readonly province: Ref;
  readonly district: Ref;
  readonly communeRef: Ref;
  readonly bornHere: PlaceOfBirth;
  readonly villages: readonly Ref[];
  /** Index of the province in PROVINCES. */
  readonly provinceIndex: number;
}

const KHMER_DIGITS = '០១២៣៤៥៦៧៨៩';

function khmerNumber(n: number): string {
  let text = '';
  for (const digit of String(n)) text += KHMER_DIGITS[Number(digit)];
  return text;
}

function ref(place: { code: string; khmer: string; latin: string }): Ref {
  return Object.freeze({ code: place.code, khmer: place.khmer, latin: place.latin });
}

interface Places {
  readonly provinces: WeightedTable<number>;
  readonly districtsOf: readonly WeightedTable<District>[];
  readonly provinceRefs: readonly Ref[];
  readonly bornInProvince: readonly PlaceOfBirth[];
  readonly bornInDistrict: ReadonlyMap<District, PlaceOfBirth>;
  readonly communes: ReadonlyMap<Commune, CommuneRefs>;
}

let places: Places | undefined;

function sharedPlaces(): Places {
  if (places) return places;
  const provinceRefs = PROVINCES.map(ref);
  const bornInProvince = provinceRefs.map((province) => Object.freeze({ province }));
  const bornInDistrict = new Map<District, PlaceOfBirth>();
  const communes = new Map<Commune, CommuneRefs>();
  PROVINCES.forEach((province, provinceIndex) => {
    const provinceRef = provinceRefs[provinceIndex]!;
    for (const district of province.districts) {
      const districtRef = ref(district);
      bornInDistrict.set(district, Object.freeze({ province: provinceRef, district: districtRef }));
      for (const commune of district.communes) {
        const communeRef = ref(commune);
        // How many villages a commune has is a fact about the commune, not a draw.
        const villageCount = 4 + (mixSeed(Number(commune.code)) % (commune.urban ? 9 : 12));
        const villages: Ref[] = [];
        for (let n = 1; n <= villageCount; n++) {
          villages.push(
            Object.freeze({
              code: commune.code + String(n).padStart(2, '0'),
              khmer: `ភូមិ${khmerNumber(n)}`,
              latin: `Phum ${n}`,
            }),
          );
        }
        communes.set(commune, {
          commune,
          province: provinceRef,
          district: districtRef,
          communeRef,
          bornHere: Object.freeze({
            province: provinceRef,
            district: districtRef,
            commune: communeRef,
          }),
          villages: Object.freeze(villages),
          provinceIndex,
        });
      }
    }
  });
  places = {
    provinces: new WeightedTable(PROVINCES.map((province, i) => [i, province.population2019])),
    districtsOf: PROVINCES.map(
      (province: Province) =>
        new WeightedTable(province.districts.map((district) => [district, district.weight])),
    ),
    provinceRefs,
    bornInProvince,
    bornInDistrict,
    communes,
  };
  return places;
}

interface NameTable {
  readonly names: readonly KhmerName[];
  readonly table: WeightedTable<number>;
}

function nameTable(names: readonly KhmerName[]): NameTable {
  return { names, table: new WeightedTable(names.map((name, i) => [i, name[2]])) };
}

const FAMILY = nameTable(FAMILY_NAMES);
const FEMALE = nameTable(GIVEN_NAMES_FEMALE);
const MALE = nameTable(GIVEN_NAMES_MALE);

// Person names, one frozen object per (family, given) pair in use.
const nameCache = new Map<number, Person['name']>();

function personName(family: number, given: number, sex: Sex): Person['name'] {
  const key = (family * 256 + given) * 2 + (sex === 'female' ? 1 : 0);
  let name = nameCache.get(key);
  if (!name) {
    const f = FAMILY.names[family]!;
    const g = (sex === 'female' ? FEMALE : MALE).names[given]!;
    name = Object.freeze({
      khmer: Object.freeze({ familyName: f[0], givenName: g[0] }),
      latin: Object.freeze({ familyName: f[1], givenName: g[1] }),
    });
    nameCache.set(key, name);
  }
  return name;
}

// Office hours at the commune hall or the ministry counter.
const OFFICE_TIMES: readonly string[] = [
  'T07:40:00+07:00',
  'T08:05:00+07:00',
  'T08:30:00+07:00',
  'T08:55:00+07:00',
  'T09:20:00+07:00',
  'T09:45:00+07:00',
  'T10:10:00+07:00',
  'T10:35:00+07:00',
  'T11:00:00+07:00',
  'T13:35:00+07:00',
  'T14:00:00+07:00',
  'T14:25:00+07:00',
  'T14:50:00+07:00',
  'T15:15:00+07:00',
  'T15:40:00+07:00',
  'T16:05:00+07:00',
];

const MOTORCYCLE_TABLE = new WeightedTable(MOTORCYCLES.map((m) => [m, m.weight] as const));
const CAR_TABLE = new WeightedTable(CARS.map((m) => [m, m.weight] as const));
const PHNOM_PENH = '12';
const HOUSE_SUFFIXES: readonly string[] = ['A', 'B', 'E0', 'E1'];
/**
 * A mother's age in households with children, by 5-year band (its lower
 * bound): tuned so that the population's age pyramid comes out close to the
 * 2019 census (about 20 % under 10, 17 % in their twenties, 9 % in their
 * fifties, 9 % over 60).
 */
const MOTHER_AGE_BANDS = new WeightedTable<number>([
  [19, 10],
  [24, 15],
  [29, 17],
  [34, 17],
  [39, 14],
  [44, 10],
  [49, 7],
  [54, 5],
  [59, 4],
]);
/** Births a couple has: P(fewer than n+1) for n = 0 … 5, six at most. */
const CHILDREN_CUMULATIVE: readonly number[] = [0.06, 0.22, 0.5, 0.74, 0.88, 0.96];

// ---------------------------------------------------------------------------
// Households are drafted first (who, born when, related how) and only then
// given national ids, so a household that would overshoot the requested
// number of citizens can be replaced before any id is spent.

interface Draft {
  sex: Sex;
  birth: number;
  /** -1 while alive. */
  death: number;
  family: number;
  given: number;
  bornIn: PlaceOfBirth;
  /** Indexes into the household's drafts. */
  mother: number;
  father: number;
}

interface Marriage {
  a: number;
  b: number;
  day: number;
}

interface Home {
  readonly refs: CommuneRefs;
  readonly village: Ref;
  readonly houseNumber: string | undefined;
  readonly street: addressV1.Street | undefined;
  /** The day the household registered at this address. */
  since: number;
}

interface Member {
  readonly id: string;
  readonly draft: Draft;
  readonly name: Person['name'];
  readonly parents: Parent[] | undefined;
  /** As on a registration card: SOK Dara. */
  readonly upperLatin: string;
}

const YEAR = 365.25;

class PopulationGenerator {
  readonly counts: PopulationCounts = emptyCounts();

  private readonly random: SeededRandom;
  private readonly places = sharedPlaces();
  private readonly offsets: {
    idCard: number;
    plate: number;
    business: number;
    tin: number;
  };
  private readonly adultsBornBy: number;
  private readonly cardHoldersBornBy: number;
  private readonly recentBirthsFrom: number;
  private readonly latestDeath: number;

  private index = 0;
  private batch: PopulationBatch = newBatch();
  private readonly eventSerials = new Map<string, number>();
  private readonly plateSerials = new Int32Array(PROVINCES.length * 2);
  private readonly titleSerials = new Map<string, number>();
  private businessSerial = 0;
  private taxpayerSerial = 0;
  private vinSerial = 0;
  /** Recent working-age adults of earlier households: partners for companies. */
  private readonly partners: string[] = [];
  private partnerNext = 0;

  constructor(
    seed: number,
    private readonly startSerial: number,
    private readonly asOf: number,
  ) {
    this.random = new SeededRandom(mixSeed(seed, 1));
    this.offsets = {
      idCard: mixSeed(seed, 2) % 1_000_000_000,
      plate: mixSeed(seed, 3) % 7_020_000,
      business: mixSeed(seed, 4) % 100_000_000,
      tin: mixSeed(seed, 5) % 1_000_000_000,
    };
    this.adultsBornBy = addYears(asOf, -18);
    this.cardHoldersBornBy = addYears(asOf, -15);
    this.recentBirthsFrom = addYears(asOf, -2);
    // A death reaches the register within days; none is dated today.
    this.latestDeath = asOf - 7;
  }

  *batches(citizens: number, batchSize: number): Generator<PopulationBatch> {
    let inBatch = 0;
    while (this.index < citizens) {
      const before = this.index;
      this.household(citizens - this.index);
      inBatch += this.index - before;
      if (inBatch >= batchSize) {
        yield this.flush();
        inBatch = 0;
      }
    }
    if (inBatch > 0) yield this.flush();
  }

  private flush(): PopulationBatch {
    const batch = this.batch;
    this.batch = newBatch();
    return batch;
  }

  // -- households ------------------------------------------------------------

  private household(remaining: number): void {
    const home = this.home();
    const drafts: Draft[] = [];
    const marriages: Marriage[] = [];
    const kind = this.random.next();
    if (kind < 0.55) this.family(home, drafts, marriages, 'both');
    else if (kind < 0.73) this.extendedFamily(home, drafts, marriages);
    else if (kind < 0.81) this.family(home, drafts, marriages, 'one');
    else if (kind < 0.91) this.couple(home, drafts, marriages);
    else this.single(home, drafts, marriages);
    if (drafts.length > remaining) {
      // The last household shrinks to fit: a young adult living alone.
      drafts.length = 0;
      marriages.length = 0;
      this.youngAdult(home, drafts);
    }
    this.realise(home, drafts, marriages);
  }

  private home(): Home {
    const random = this.random;
    const provinceIndex = this.places.provinces.pick(random);
    const district = this.places.districtsOf[provinceIndex]!.pick(random);
    const refs = this.places.communes.get(random.pick(district.communes))!;
    const village = random.pick(refs.villages);
    let houseNumber: string | undefined;
    let street: addressV1.Street | undefined;
    if (refs.commune.urban) {
      houseNumber = String(random.between(1, 450));
      if (random.chance(0.15)) houseNumber += random.pick(HOUSE_SUFFIXES);
      if (random.chance(0.7)) {
        const n = random.between(1, 610);
        street = Object.freeze({ khmer: `ផ្លូវលេខ ${khmerNumber(n)}`, latin: `Street ${n}` });
      }
    } else if (random.chance(0.4)) {
      houseNumber = String(random.between(1, 200));
    }
    return { refs, village, houseNumber, street, since: this.asOf };
  }

  private birthDay(ageYears: number): number {
    return this.asOf - Math.floor(ageYears * YEAR) - this.random.below(365);
  }

  private years(bellLow: number, bellHigh: number): number {
    return Math.round(this.random.bell(bellLow, bellHigh) * YEAR);
  }

  private draft(sex: Sex, birth: number, family: number, bornIn: PlaceOfBirth): Draft {
    const given = (sex === 'female' ? FEMALE : MALE).table.pick(this.random);
    return { sex, birth, death: -1, family, given, bornIn, mother: -1, father: -1 };
  }

  private familyName(): number {
    return FAMILY.table.pick(this.random);
  }

  /** Where an adult living at `home` was born: mostly in the same province. */
  private adultBirthplace(home: Home): PlaceOfBirth {
    const random = this.random;
    const { refs } = home;
    if (random.chance(refs.province.code === PHNOM_PENH ? 0.45 : 0.75)) {
      return random.chance(0.5)
        ? this.places.bornInDistrict.get(refs.commune.district)!
        : this.places.bornInProvince[refs.provinceIndex]!;
    }
    return this.places.bornInProvince[this.places.provinces.pick(random)]!;
  }

  /** A death day between `earliest` and the latest possible, or -1 when there is none. */
  private deathBetween(earliest: number): number {
    return earliest < this.latestDeath ? this.random.between(earliest, this.latestDeath) : -1;
  }

  /**
   * Parents and their children still at home: unmarried children often stay
   * into their twenties. With
   * `one`, one parent lives alone with the children: the other has died (and
   * is in the register) or has left (and is not).
   *
   * Drafts: [0] a living parent, [1] the other parent, then the children.
   * Returns the indexes of mother and father (-1 for one who has left).
   */
  private family(
    home: Home,
    drafts: Draft[],
    marriages: Marriage[],
    parents: 'both' | 'one',
  ): { mother: number; father: number } {
    const random = this.random;
    const band = MOTHER_AGE_BANDS.pick(random);
    const motherBirth = this.birthDay(band + random.next() * 5);
    const fatherBirth = motherBirth - this.years(-2, 9);
    // Mothers are 19 or older, so a wedding at 18 or later always fits before today.
    const married = Math.max(
      Math.min(
        Math.max(motherBirth + this.years(18, 27), addYears(fatherBirth, 18)),
        this.asOf - random.between(30, 400),
      ),
      addYears(motherBirth, 18),
    );
    const fatherFamily = this.familyName();
    const mother = this.draft('female', motherBirth, this.familyName(), this.adultBirthplace(home));
    const father = this.draft('male', fatherBirth, fatherFamily, this.adultBirthplace(home));
    // A household's first member is alive: the parent who stays comes first.
    const fatherStays = parents === 'one' && random.chance(0.2);
    const m = fatherStays ? 1 : 0;
    const f = fatherStays ? 0 : 1;
    drafts.push(fatherStays ? father : mother, fatherStays ? mother : father);

    const wanted = random.next();
    let births = 0;
    while (births < CHILDREN_CUMULATIVE.length && wanted >= CHILDREN_CUMULATIVE[births]!) births++;
    const lastFertile = addYears(motherBirth, 44);
    const twenty = addYears(this.asOf, -20);
    const twentyFive = addYears(this.asOf, -25);
    const thirty = addYears(this.asOf, -30);
    let day = married + random.between(200, 1100);
    let youngest = married;
    for (let n = 0; n < births && day <= this.asOf && day <= lastFertile; n++) {
      const atHome =
        day > twenty ||
        (day > twentyFive && random.chance(0.6)) ||
        (day > thirty && random.chance(0.2));
      if (atHome) {
        const child = this.draft(
          random.chance(0.512) ? 'male' : 'female',
          day,
          fatherFamily,
          home.refs.bornHere,
        );
        child.mother = m;
        child.father = f;
        drafts.push(child);
        youngest = day;
      }
      day += random.between(500, 1900);
    }
    home.since = Math.min(married + random.between(0, 900), this.asOf - 10);

    if (parents === 'both') {
      marriages.push({ a: f, b: m, day: married });
      return { mother: m, father: f };
    }
    const other = drafts[1]!;
    if (random.chance(0.4)) {
      other.death = this.deathBetween(Math.max(youngest, addYears(other.birth, 20)));
      if (other.death >= 0) {
        marriages.push({ a: f, b: m, day: married });
        return { mother: m, father: f };
      }
    }
    // Separated: the other parent is not in this register, so nobody links to them.
    drafts.splice(1, 1);
    for (let i = 1; i < drafts.length; i++) {
      const child = drafts[i]!;
      if (child.mother === 1) child.mother = -1;
      if (child.father === 1) child.father = -1;
    }
    return fatherStays ? { mother: -1, father: 0 } : { mother: 0, father: -1 };
  }

  /** A family living with a grandparent; the grandparent's late spouse may be in the register too. */
  private extendedFamily(home: Home, drafts: Draft[], marriages: Marriage[]): void {
    const random = this.random;
    const family: Draft[] = [];
    const familyMarriages: Marriage[] = [];
    const { mother, father } = this.family(home, family, familyMarriages, 'both');
    const adultIndex = random.chance(0.5) ? father : mother;
    const adult = family[adultIndex]!;
    const grandmother = random.chance(0.7);
    const grandBirth = adult.birth - this.years(19, 36);
    if (this.asOf - grandBirth > 94 * YEAR) {
      // Too old to be alive: an ordinary family after all.
      drafts.push(...family);
      marriages.push(...familyMarriages);
      return;
    }
    const bornIn = this.places.bornInProvince[home.refs.provinceIndex]!;
    const grandparent = this.draft(
      grandmother ? 'female' : 'male',
      grandBirth,
      this.familyName(),
      bornIn,
    );
    drafts.push(grandparent);
    const spouseBirth = Math.min(
      grandmother ? grandBirth - this.years(-3, 8) : grandBirth + this.years(-3, 8),
      addYears(adult.birth, -18),
    );
    let spouse: Draft | undefined;
    if (random.chance(0.35)) {
      const death = this.deathBetween(Math.max(adult.birth, addYears(spouseBirth, 30)));
      if (death >= 0) {
        spouse = this.draft(
          grandmother ? 'male' : 'female',
          spouseBirth,
          this.familyName(),
          bornIn,
        );
        spouse.death = death;
        drafts.push(spouse);
        const wife = grandmother ? grandparent : spouse;
        const day = Math.min(addYears(wife.birth, random.between(17, 24)), adult.birth - 200);
        marriages.push({ a: grandmother ? 1 : 0, b: grandmother ? 0 : 1, day });
      }
    }
    // The adult carries the grandfather's family name when he is known, and a
    // father passes it on to his children.
    const grandfather = grandmother ? spouse : grandparent;
    if (grandfather) {
      adult.family = grandfather.family;
      if (adult.sex === 'male') {
        for (const member of family) if (member.father === adultIndex) member.family = adult.family;
      }
    }
    const offset = drafts.length;
    for (const member of family) {
      if (member.mother >= 0) member.mother += offset;
      if (member.father >= 0) member.father += offset;
    }
    adult.mother = grandmother ? 0 : spouse ? 1 : -1;
    adult.father = grandmother ? (spouse ? 1 : -1) : 0;
    drafts.push(...family);
    for (const marriage of familyMarriages) {
      marriages.push({ a: marriage.a + offset, b: marriage.b + offset, day: marriage.day });
    }
  }

  /** A young couple before children, or an older one whose children have left. */
  private couple(home: Home, drafts: Draft[], marriages: Marriage[]): void {
    const random = this.random;
    const young = random.chance(0.5);
    const wifeBirth = this.birthDay(young ? random.bell(19, 32) : random.bell(45, 82));
    const husbandBirth = wifeBirth - this.years(-2, 8);
    const adult = Math.max(addYears(wifeBirth, 18), addYears(husbandBirth, 18));
    const married = young
      ? Math.max(adult, this.asOf - random.between(20, 6 * 365))
      : Math.max(adult, addYears(wifeBirth, random.between(18, 26)));
    drafts.push(
      this.draft('male', husbandBirth, this.familyName(), this.adultBirthplace(home)),
      this.draft('female', wifeBirth, this.familyName(), this.adultBirthplace(home)),
    );
    marriages.push({ a: 0, b: 1, day: married });
    home.since = Math.min(married + random.between(0, 700), this.asOf - 10);
  }

  /** A young adult on their own, or an older one, often widowed. */
  private single(home: Home, drafts: Draft[], marriages: Marriage[]): void {
    const random = this.random;
    if (random.chance(0.6)) {
      this.youngAdult(home, drafts);
      return;
    }
    const sex: Sex = random.chance(0.62) ? 'female' : 'male';
    const birth = this.birthDay(random.bell(35, 90));
    drafts.push(this.draft(sex, birth, this.familyName(), this.adultBirthplace(home)));
    home.since = random.between(addYears(birth, 20), this.asOf - 10);
    if (this.asOf - birth < 45 * YEAR || !random.chance(0.5)) return;
    // Widowed: the late spouse is in the register, and so is the marriage.
    const spouseBirth = sex === 'female' ? birth - this.years(-2, 8) : birth + this.years(-2, 8);
    const married = Math.max(addYears(birth, random.between(18, 27)), addYears(spouseBirth, 18));
    const death = this.deathBetween(Math.max(married + 365, addYears(spouseBirth, 25)));
    if (death < 0) return;
    const spouse = this.draft(
      sex === 'female' ? 'male' : 'female',
      spouseBirth,
      this.familyName(),
      this.adultBirthplace(home),
    );
    spouse.death = death;
    drafts.push(spouse);
    marriages.push({ a: 0, b: 1, day: married });
  }

  private youngAdult(home: Home, drafts: Draft[]): void {
    const random = this.random;
    const sex: Sex = random.chance(0.5) ? 'female' : 'male';
    const birth = this.birthDay(random.bell(18, 34));
    drafts.push(this.draft(sex, birth, this.familyName(), this.adultBirthplace(home)));
    home.since = random.between(addYears(birth, 18), this.asOf - 10);
  }

  // -- records ---------------------------------------------------------------

  private realise(home: Home, drafts: Draft[], marriages: Marriage[]): void {
    this.counts.households++;
    const members: Member[] = [];
    for (const draft of drafts) {
      const id = ID_SCHEME.fromSerial(this.startSerial + this.index);
      const cardIndex = this.index;
      this.index++;
      const name = personName(draft.family, draft.given, draft.sex);
      // Shared by the person record and a birth event, hence frozen.
      let parents: Parent[] | undefined;
      if (draft.mother >= 0 || draft.father >= 0) {
        parents = [];
        if (draft.mother >= 0) {
          parents.push(Object.freeze({ nationalId: members[draft.mother]!.id, role: 'mother' }));
        }
        if (draft.father >= 0) {
          parents.push(Object.freeze({ nationalId: members[draft.father]!.id, role: 'father' }));
        }
        Object.freeze(parents);
      }
      const member: Member = {
        id,
        draft,
        name,
        parents,
        upperLatin: `${name.latin.familyName.toUpperCase()} ${name.latin.givenName}`,
      };
      members.push(member);
      this.emitPerson(member, home, cardIndex);
    }
    for (const marriage of marriages) this.emitMarriage(members, marriage, home.refs);
    for (const member of members) {
      if (member.draft.birth >= this.recentBirthsFrom && member.parents)
        this.emitBirth(member, home.refs);
      if (member.draft.death >= 0) this.emitDeath(member, home.refs);
    }
    this.emitLand(members, marriages, home);
    for (const member of members) {
      const { draft } = member;
      if (draft.death >= 0 || draft.birth > this.adultsBornBy) continue;
      this.emitVehicles(member, home.refs);
      const business = this.emitBusiness(member, home);
      this.emitTaxpayer(member, home.refs, business);
    }
    for (const member of members) {
      const { draft } = member;
      const age = (this.asOf - draft.birth) / YEAR;
      if (draft.death < 0 && age >= 25 && age < 65) {
        if (this.partners.length < 64) this.partners.push(member.id);
        else this.partners[this.partnerNext++ % 64] = member.id;
      }
    }
  }

  private at(day: number): string {
    return isoDateOf(day) + OFFICE_TIMES[this.random.below(OFFICE_TIMES.length)]!;
  }

  private emitPerson(member: Member, home: Home, cardIndex: number): void {
    const { draft, id } = member;
    const alive = draft.death < 0;
    const cardHolder = alive
      ? draft.birth <= this.cardHoldersBornBy
      : draft.death - draft.birth >= 15 * YEAR;
    const payload: Person = {
      nationalId: id,
      name: member.name,
      sex: draft.sex,
      dateOfBirth: isoDateOf(draft.birth),
      placeOfBirth: draft.bornIn,
      alive,
    };
    if (cardHolder) {
      // A bijection of the person's index: card numbers never repeat within a run.
      payload.idCardNumber = String(
        (cardIndex * 7_919_327 + this.offsets.idCard) % 1_000_000_000,
      ).padStart(9, '0');
    }
    if (!alive) payload.dateOfDeath = isoDateOf(draft.death);
    if (member.parents) payload.parents = member.parents as Person['parents'];

    // A person registers where the household lives from birth or from the
    // household's arrival, and the dead stay registered where they last lived.
    const since = Math.max(home.since, draft.birth);
    const registered = alive
      ? Math.min(since + this.random.between(0, 20), this.asOf)
      : Math.min(draft.death + this.random.between(1, 20), this.asOf);
    this.batch.interior.push({
      recordType: 'person',
      schemaVersion: 1,
      recordId: `MOI-P-${id}`,
      subjectId: id,
      version: 1,
      op: 'upsert',
      occurredAt: this.at(registered),
      payload,
    });
    const addressSince = alive ? since : Math.min(since, draft.death);
    const { refs } = home;
    const address: Address = {
      village: home.village,
      commune: refs.communeRef,
      district: refs.district,
      province: refs.province,
      since: isoDateOf(addressSince),
    };
    if (home.houseNumber) address.houseNumber = home.houseNumber;
    if (home.street) address.street = home.street;
    this.batch.interior.push({
      recordType: 'address',
      schemaVersion: 1,
      recordId: `MOI-A-${id}`,
      subjectId: id,
      version: 1,
      op: 'upsert',
      occurredAt: this.at(addressSince),
      payload: address,
    });
    this.counts.citizens++;
    this.counts.records.person++;
    this.counts.records.address++;
    if (alive) this.counts.living++;
    else this.counts.deceased++;
  }

  /** The next register number for `commune` in `year`: CR-<commune>-<year>-<6 digits>. */
  private eventNumber(commune: string, year: number): { recordId: string; certificate: string } {
    const key = `${commune}-${year}`;
    const serial = (this.eventSerials.get(key) ?? 0) + 1;
    this.eventSerials.set(key, serial);
    return {
      recordId: `CR-${key}-${String(serial).padStart(6, '0')}`,
      certificate: `${String(serial).padStart(4, '0')}/${year}`,
    };
  }

  private emitEvent(
    subject: string,
    day: number,
    registeredOn: number,
    home: CommuneRefs,
    part: Pick<CivilEvent, 'eventType' | 'child' | 'parents' | 'spouse' | 'placeOfDeath'>,
  ): void {
    const year = yearOf(registeredOn);
    const number = this.eventNumber(home.communeRef.code, year);
    const payload: CivilEvent = {
      eventType: part.eventType,
      subject: { nationalId: subject },
      date: isoDateOf(day),
      registeredOn: isoDateOf(registeredOn),
      issuingCommune: home.communeRef,
      certificateNumber: number.certificate,
    };
    if (part.child) payload.child = part.child;
    if (part.parents) payload.parents = part.parents;
    if (part.spouse) payload.spouse = part.spouse;
    if (part.placeOfDeath) payload.placeOfDeath = part.placeOfDeath;
    this.batch.interior.push({
      recordType: 'civil-event',
      schemaVersion: 1,
      recordId: number.recordId,
      subjectId: subject,
      version: 1,
      op: 'upsert',
      occurredAt: this.at(registeredOn),
      payload,
    });
    this.counts.records['civil-event']++;
  }

  private emitMarriage(members: Member[], marriage: Marriage, home: CommuneRefs): void {
    const a = members[marriage.a]!;
    const b = members[marriage.b]!;
    // The event is about one spouse; the living one when the other has died.
    const [subject, spouse] = a.draft.death >= 0 ? [b, a] : [a, b];
    const registered = Math.min(marriage.day + this.random.between(0, 21), this.asOf);
    this.emitEvent(subject.id, marriage.day, registered, home, {
      eventType: 'marriage',
      spouse: { nationalId: spouse.id },
    });
    this.counts.civilEvents.marriage++;
  }

  private emitBirth(child: Member, home: CommuneRefs): void {
    const registered = Math.min(child.draft.birth + this.random.between(1, 30), this.asOf);
    this.emitEvent(child.id, child.draft.birth, registered, home, {
      eventType: 'birth',
      child: { name: child.name, sex: child.draft.sex, placeOfBirth: child.draft.bornIn },
      parents: child.parents as CivilEvent['parents'],
    });
    this.counts.civilEvents.birth++;
  }

  private emitDeath(member: Member, home: CommuneRefs): void {
    const registered = Math.min(member.draft.death + this.random.between(1, 14), this.asOf);
    this.emitEvent(member.id, member.draft.death, registered, home, {
      eventType: 'death',
      placeOfDeath: this.random.chance(0.7) ? home.bornHere : undefined,
    });
    this.counts.civilEvents.death++;
  }

  // -- what people own -------------------------------------------------------

  private plateNumber(home: CommuneRefs, category: 'car' | 'motorcycle'): string {
    const slot = home.provinceIndex * 2 + (category === 'car' ? 1 : 0);
    const serial = this.plateSerials[slot]!++;
    // 702 letter groups (A … Z, AA … ZZ) × 10 000 numbers, visited in a scrambled order.
    const scrambled = (serial * 4_391_081 + this.offsets.plate + slot * 977) % 7_020_000;
    const group = Math.floor(scrambled / 10_000);
    const letters =
      group < 26
        ? String.fromCharCode(65 + group)
        : String.fromCharCode(65 + Math.floor((group - 26) / 26), 65 + ((group - 26) % 26));
    const number = String(scrambled % 10_000).padStart(4, '0');
    // By convention the leading digit tells the kind: 1 motorcycles, 2 private cars.
    return `${home.province.latin} ${category === 'car' ? 2 : 1}${letters}-${number}`;
  }

  private emitVehicles(member: Member, home: CommuneRefs): void {
    const random = this.random;
    const draw = random.next();
    const motorcycles = draw < 0.05 ? 2 : draw < 0.45 ? 1 : 0;
    let cars = 0;
    const carRate = home.province.code === PHNOM_PENH ? 0.17 : 0.06;
    if (this.asOf - member.draft.birth >= 21 * YEAR && random.chance(carRate)) {
      cars = random.chance(0.1) ? 2 : 1;
    }
    for (let i = 0; i < motorcycles; i++)
      this.emitVehicle(member, home, MOTORCYCLE_TABLE.pick(random));
    for (let i = 0; i < cars; i++) this.emitVehicle(member, home, CAR_TABLE.pick(random));
  }

  private emitVehicle(member: Member, home: CommuneRefs, model: VehicleModel): void {
    const random = this.random;
    const thisYear = yearOf(this.asOf);
    const oldest = Math.max(model.firstYear, model.category === 'car' ? 1998 : 2005);
    const year = Math.min(thisYear, Math.round(random.bell(oldest, thisYear + 2)));
    const earliest = Math.max(
      addYears(member.draft.birth, 18),
      firstDayOfYear(year) - 120,
      firstDayOfYear(2000),
    );
    const registered = earliest >= this.asOf ? this.asOf : random.between(earliest, this.asOf);
    const plateNumber = this.plateNumber(home, model.category);
    const payload: VehicleRegistration = {
      plateNumber,
      vin: buildVin(model, year, this.vinSerial++),
      make: model.make,
      model: model.model,
      year,
      category: model.category,
      colour: random.pick(COLOURS),
      owner: { nationalId: member.id, name: member.upperLatin },
      registrationDate: isoDateOf(registered),
      status: 'active',
      ownerDeceased: false,
    };
    if (model.category === 'car') {
      // Mostly inspected on time; some overdue, and long overdue means suspended.
      const due =
        this.asOf + (random.chance(0.85) ? random.between(1, 365) : -random.between(1, 240));
      payload.inspectionDueDate = isoDateOf(due);
      if (due < this.asOf - 60) payload.status = 'suspended';
      this.counts.cars++;
    } else {
      this.counts.motorcycles++;
    }
    if (thisYear - year > 14 && random.chance(0.15)) payload.status = 'deregistered';
    this.batch.transport.push({
      recordType: 'vehicle-registration',
      schemaVersion: 1,
      recordId: plateNumber,
      subjectId: member.id,
      version: 1,
      op: 'upsert',
      occurredAt: this.at(registered),
      payload,
    });
    this.counts.records['vehicle-registration']++;
  }

  private emitLand(members: Member[], marriages: Marriage[], home: Home): void {
    const random = this.random;
    const owners = members.filter(
      (member) => member.draft.death < 0 && member.draft.birth <= this.adultsBornBy,
    );
    if (owners.length === 0 || !random.chance(0.27)) return;
    const titles = random.chance(0.12) ? 2 : 1;
    for (let t = 0; t < titles; t++) {
      // A living couple usually holds the title together, half each.
      const couple = marriages.find(
        (m) => members[m.a]!.draft.death < 0 && members[m.b]!.draft.death < 0,
      );
      let holders: Member[];
      if (couple && random.chance(0.6)) {
        const pair = [members[couple.a]!, members[couple.b]!];
        holders = random.chance(0.5) ? pair : [pair[1]!, pair[0]!];
      } else {
        holders = [owners[0]!];
      }
      this.emitTitle(holders, home, t > 0);
    }
  }

  private emitTitle(holders: Member[], home: Home, elsewhere: boolean): void {
    const random = this.random;
    let refs = home.refs;
    let village = home.village;
    if (elsewhere || random.chance(0.15)) {
      refs = this.places.communes.get(random.pick(refs.commune.district.communes))!;
      village = random.pick(refs.villages);
    }
    const serial = (this.titleSerials.get(refs.communeRef.code) ?? 0) + 1;
    this.titleSerials.set(refs.communeRef.code, serial);
    const urban = refs.commune.urban;
    const use = random.next();
    const landUse: LandTitle['landUse'] = urban
      ? use < 0.8
        ? 'residential'
        : 'commercial'
      : use < 0.45
        ? 'residential'
        : use < 0.95
          ? 'agricultural'
          : 'other';
    const area =
      landUse === 'agricultural'
        ? random.between(800, 30_000)
        : urban
          ? random.between(48, 320)
          : random.between(150, 2_500);
    const owner = holders[0]!;
    const earliest = Math.max(addYears(owner.draft.birth, 18), firstDayOfYear(2002));
    const registered = earliest >= this.asOf ? this.asOf : random.between(earliest, this.asOf);
    const state = random.next();
    const titleNumber = `${village.code}-${String(serial).padStart(4, '0')}`;
    const share = { numerator: 1, denominator: holders.length };
    const payload: LandTitle = {
      titleNumber,
      parcel: { number: String(serial), mapSheet: String(random.between(1, 48)) },
      location: {
        province: refs.province,
        district: refs.district,
        commune: refs.communeRef,
        village,
      },
      areaSquareMetres: area,
      owners: holders.map((holder) => ({ nationalId: holder.id, share })) as LandTitle['owners'],
      landUse,
      registrationDate: isoDateOf(registered),
      status: state < 0.85 ? 'registered' : state < 0.98 ? 'mortgaged' : 'cancelled',
    };
    this.batch.land.push({
      recordType: 'land-title',
      schemaVersion: 1,
      recordId: titleNumber,
      subjectId: owner.id,
      version: 1,
      op: 'upsert',
      occurredAt: this.at(registered),
      payload,
    });
    this.counts.records['land-title']++;
  }

  /** About 4 % of adults own a business; returns its legal form and registration day. */
  private emitBusiness(
    member: Member,
    home: Home,
  ): { soleProprietor: boolean; registered: number } | undefined {
    const random = this.random;
    const age = (this.asOf - member.draft.birth) / YEAR;
    if (age < 20 || age > 75 || !random.chance(0.048)) return undefined;
    const company = random.chance(0.2) && this.partners.some((id) => id !== member.id);
    const serial = this.businessSerial++;
    const registrationNumber = String(
      (serial * 3_861_409 + this.offsets.business) % 100_000_000,
    ).padStart(8, '0');
    const earliest = Math.max(addYears(member.draft.birth, 20), firstDayOfYear(2000));
    const registered = earliest >= this.asOf ? this.asOf : random.between(earliest, this.asOf);
    let name: BusinessRegistration['name'];
    let legalForm: BusinessRegistration['legalForm'];
    let people: businessRegistrationV1.BusinessPerson[];
    if (company) {
      const [stemKhmer, stemEnglish] = random.pick(COMPANY_STEMS);
      const [tradeKhmer, tradeEnglish] = random.pick(COMPANY_TRADES);
      name = {
        khmer: `ក្រុមហ៊ុន ${stemKhmer} ${tradeKhmer} ឯ.ក`,
        english: `${stemEnglish} ${tradeEnglish} Co., Ltd.`,
      };
      legalForm = 'private-limited-company';
      const partner = this.partners.filter((id) => id !== member.id);
      const first = random.pick(partner);
      people = [
        {
          nationalId: member.id,
          roles: ['owner', 'director', 'shareholder'],
          share: { numerator: 2, denominator: 3 },
        },
        { nationalId: first, roles: ['shareholder'], share: { numerator: 1, denominator: 3 } },
      ];
      const second = partner.find((id) => id !== first);
      if (second && random.chance(0.4)) people.push({ nationalId: second, roles: ['director'] });
    } else {
      const [tradeKhmer, tradeEnglish] = random.pick(SHOP_TRADES);
      name = {
        khmer: `${tradeKhmer} ${member.name.khmer.givenName}`,
        english: `${member.name.latin.givenName} ${tradeEnglish}`,
      };
      legalForm = 'sole-proprietorship';
      people = [{ nationalId: member.id, roles: ['owner'] }];
    }
    const address: BusinessRegistration['registeredAddress'] = {
      province: home.refs.province,
      district: home.refs.district,
      commune: home.refs.communeRef,
      village: home.village,
    };
    if (home.houseNumber) address.houseNumber = home.houseNumber;
    if (home.street) address.street = home.street;
    const state = random.next();
    const payload: BusinessRegistration = {
      registrationNumber,
      name,
      legalForm,
      people: people as BusinessRegistration['people'],
      registeredAddress: address,
      registrationDate: isoDateOf(registered),
      status: state < 0.88 ? 'active' : state < 0.92 ? 'suspended' : 'dissolved',
      soleOwnerDeceased: false,
    };
    this.batch.commerce.push({
      recordType: 'business-registration',
      schemaVersion: 1,
      recordId: registrationNumber,
      subjectId: member.id,
      version: 1,
      op: 'upsert',
      occurredAt: this.at(registered),
      payload,
    });
    this.counts.records['business-registration']++;
    return { soleProprietor: !company, registered };
  }

  /** Every business owner, and about 15 % of the other working-age adults. */
  private emitTaxpayer(
    member: Member,
    home: CommuneRefs,
    business: { soleProprietor: boolean; registered: number } | undefined,
  ): void {
    const random = this.random;
    const age = (this.asOf - member.draft.birth) / YEAR;
    if (!business && (age >= 65 || !random.chance(0.15))) return;
    const serial = this.taxpayerSerial++;
    const soleProprietor = business?.soleProprietor ?? false;
    // The letter and the office code (from the province) are illustrative.
    const tin = `${soleProprietor ? 'E' : 'K'}0${home.province.code}-${String(
      (serial * 7_919_327 + this.offsets.tin) % 1_000_000_000,
    ).padStart(9, '0')}`;
    let registered: number;
    if (business) {
      registered = Math.min(business.registered + random.between(0, 60), this.asOf);
    } else {
      const earliest = Math.max(addYears(member.draft.birth, 18), firstDayOfYear(2008));
      registered = earliest >= this.asOf ? this.asOf : random.between(earliest, this.asOf);
    }
    const payload: Taxpayer = {
      tin,
      nationalId: member.id,
      type: soleProprietor ? 'sole-proprietor' : 'individual',
      registrationDate: isoDateOf(registered),
      status: 'active',
    };
    const state = random.next();
    let changed = registered;
    if (!business && state > 0.96 && registered < this.asOf - 30) {
      payload.status = 'closed';
      changed = random.between(registered + 30, this.asOf);
      payload.closedOn = isoDateOf(changed);
      payload.closureReason = random.chance(0.7) ? 'deregistered' : 'emigrated';
    } else if (state > 0.93) {
      payload.status = 'suspended';
    }
    this.batch.tax.push({
      recordType: 'taxpayer',
      schemaVersion: 1,
      recordId: tin,
      subjectId: member.id,
      version: 1,
      op: 'upsert',
      occurredAt: this.at(changed),
      payload,
    });
    this.counts.records.taxpayer++;
  }
}

function newBatch(): PopulationBatch {
  return { interior: [], transport: [], land: [], commerce: [], tax: [] };
}
