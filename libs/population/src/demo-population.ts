// A small, deterministic demo population: Khmer names with their usual Latin
// transliterations, real provinces of Cambodia, persons and their addresses as
// canonical records. The same seed always yields the same citizens.
import { VerhoeffNationalIdScheme } from '#spean/contracts';

type Name = readonly [khmer: string, latin: string];

const FAMILY_NAMES: readonly Name[] = [
  ['សុខ', 'Sok'],
  ['ចាន់', 'Chan'],
  ['ហេង', 'Heng'],
  ['លី', 'Ly'],
  ['គឹម', 'Kim'],
  ['ស៊ុន', 'Sun'],
  ['ម៉ៅ', 'Mao'],
  ['ពេជ្រ', 'Pich'],
  ['សែម', 'Sem'],
  ['ឈឹម', 'Chhim'],
  ['នួន', 'Nuon'],
  ['កែវ', 'Keo'],
  ['ហ៊ុន', 'Hun'],
  ['ទេព', 'Tep'],
  ['យឹម', 'Yim'],
  ['ប៊ុន', 'Bun'],
  ['ឡុង', 'Long'],
  ['អ៊ុំ', 'Um'],
];
const GIVEN_FEMALE: readonly Name[] = [
  ['ចាន់ថា', 'Chantha'],
  ['សុភា', 'Sophea'],
  ['ស្រីពៅ', 'Sreypov'],
  ['ដាវី', 'Davy'],
  ['បុប្ផា', 'Bopha'],
  ['សុខា', 'Sokha'],
  ['រចនា', 'Rachana'],
  ['ស្រីនាង', 'Sreyneang'],
  ['ធីតា', 'Thida'],
  ['មាលា', 'Mealea'],
];
const GIVEN_MALE: readonly Name[] = [
  ['វិចិត្រ', 'Vichet'],
  ['សុភ័ក្ត្រ', 'Sopheak'],
  ['ដារ៉ា', 'Dara'],
  ['វណ្ណៈ', 'Vannak'],
  ['ពិសិដ្ឋ', 'Piseth'],
  ['រតនៈ', 'Rathanak'],
  ['សំណាង', 'Samnang'],
  ['វាសនា', 'Veasna'],
  ['ភិរុណ', 'Phirun'],
  ['បញ្ញា', 'Panha'],
];
/** Gazetteer code, Khmer name, Latin name. */
const PROVINCES: ReadonlyArray<readonly [string, string, string]> = [
  ['01', 'បន្ទាយមានជ័យ', 'Banteay Meanchey'],
  ['02', 'បាត់ដំបង', 'Battambang'],
  ['03', 'កំពង់ចាម', 'Kampong Cham'],
  ['04', 'កំពង់ឆ្នាំង', 'Kampong Chhnang'],
  ['05', 'កំពង់ស្ពឺ', 'Kampong Speu'],
  ['06', 'កំពង់ធំ', 'Kampong Thom'],
  ['07', 'កំពត', 'Kampot'],
  ['08', 'កណ្ដាល', 'Kandal'],
  ['12', 'រាជធានីភ្នំពេញ', 'Phnom Penh'],
  ['14', 'ព្រៃវែង', 'Prey Veng'],
  ['17', 'សៀមរាប', 'Siem Reap'],
  ['18', 'ព្រះសីហនុ', 'Preah Sihanouk'],
  ['20', 'ស្វាយរៀង', 'Svay Rieng'],
  ['21', 'តាកែវ', 'Takeo'],
];

export interface DemoRecord {
  recordType: 'person' | 'address';
  schemaVersion: 1;
  recordId: string;
  subjectId: string;
  version: 1;
  op: 'upsert';
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** Mulberry32: tiny, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoCitizens(
  count: number,
  seed = 1,
): { nationalIds: string[]; records: DemoRecord[] } {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ids = new VerhoeffNationalIdScheme();
  const nationalIds: string[] = [];
  const records: DemoRecord[] = [];
  const used = new Set<number>();
  while (nationalIds.length < count) {
    const serial = Math.floor(random() * ids.capacity);
    if (used.has(serial)) continue;
    used.add(serial);
    const nationalId = ids.fromSerial(serial);
    nationalIds.push(nationalId);
    const female = random() < 0.51;
    const family = pick(FAMILY_NAMES);
    const given = pick(female ? GIVEN_FEMALE : GIVEN_MALE);
    const birthplace = pick(PROVINCES);
    const home = random() < 0.35 ? PROVINCES.find(([code]) => code === '12')! : pick(PROVINCES);
    const born = new Date(
      Date.UTC(
        1945 + Math.floor(random() * 75),
        Math.floor(random() * 12),
        1 + Math.floor(random() * 28),
      ),
    );
    const adult = born.getUTCFullYear() <= 2008;
    const envelope = {
      schemaVersion: 1 as const,
      subjectId: nationalId,
      version: 1 as const,
      op: 'upsert' as const,
    };
    const occurredAt = '2026-01-05T08:00:00+07:00';
    records.push({
      ...envelope,
      recordType: 'person',
      recordId: `MOI-P-${nationalId}`,
      occurredAt,
      payload: {
        nationalId,
        name: {
          khmer: { familyName: family[0], givenName: given[0] },
          latin: { familyName: family[1], givenName: given[1] },
        },
        sex: female ? 'female' : 'male',
        dateOfBirth: born.toISOString().slice(0, 10),
        placeOfBirth: {
          province: { code: birthplace[0], khmer: birthplace[1], latin: birthplace[2] },
        },
        ...(adult
          ? { idCardNumber: String(100_000_000 + Math.floor(random() * 899_999_999)) }
          : {}),
        alive: true,
      },
    });
    records.push({
      ...envelope,
      recordType: 'address',
      recordId: `MOI-A-${nationalId}`,
      occurredAt,
      payload: {
        houseNumber: String(1 + Math.floor(random() * 300)),
        village: { latin: `Phum ${1 + Math.floor(random() * 9)}` },
        commune: { latin: 'Sangkat 1' },
        district: { latin: `${home[2]} Centre` },
        province: { code: home[0], khmer: home[1], latin: home[2] },
        since: `${2000 + Math.floor(random() * 26)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      },
    });
  }
  return { nationalIds, records };
}
