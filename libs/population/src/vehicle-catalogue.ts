// What Cambodians drive, as the vehicle register would list it: small Honda,
// Suzuki and Yamaha motorcycles by the million, and among cars the Toyota
// Camry, Prius and Lexus RX imported second-hand, Land Cruisers, Highlanders
// and Ford Ranger pick-ups. Weights are rough shares within each category.
//
// A VIN is built the ISO 3779 way: a manufacturer prefix (WMI), a model
// descriptor, the North American check digit, the model-year letter, a plant
// and a serial. The prefixes are plausible for where such vehicles come from;
// they are not a claim about any real chassis.

export interface VehicleModel {
  readonly make: string;
  readonly model: string;
  readonly category: 'car' | 'motorcycle';
  /** World manufacturer identifier: the first three characters of the VIN. */
  readonly wmi: string;
  /** Vehicle descriptor section: characters 4 to 8 of the VIN. */
  readonly descriptor: string;
  readonly firstYear: number;
  readonly weight: number;
}

export const MOTORCYCLES: readonly VehicleModel[] = [
  model('Honda', 'Dream', 'motorcycle', 'RLH', 'JC52E', 2003, 30),
  model('Honda', 'Wave', 'motorcycle', 'RLH', 'JA39E', 2005, 16),
  model('Honda', 'Scoopy', 'motorcycle', 'MLH', 'JF65E', 2012, 12),
  model('Honda', 'Click', 'motorcycle', 'MLH', 'KF18E', 2010, 8),
  model('Honda', 'PCX', 'motorcycle', 'MLH', 'KF30E', 2012, 5),
  model('Suzuki', 'Smash', 'motorcycle', 'MH8', 'FD11C', 2003, 7),
  model('Suzuki', 'Viva', 'motorcycle', 'MH8', 'FD11D', 2003, 3),
  model('Yamaha', 'Fino', 'motorcycle', 'RLC', 'SE32E', 2008, 7),
  model('Yamaha', 'Nouvo', 'motorcycle', 'RLC', 'SE14E', 2005, 5),
  model('Yamaha', 'NMAX', 'motorcycle', 'RLC', 'SG57E', 2015, 5),
];

export const CARS: readonly VehicleModel[] = [
  model('Toyota', 'Camry', 'car', '4T1', 'BF1FK', 1998, 22),
  model('Toyota', 'Prius', 'car', 'JTD', 'KN3DU', 2004, 14),
  model('Toyota', 'Highlander', 'car', '5TD', 'DK3EH', 2001, 9),
  model('Toyota', 'Land Cruiser', 'car', 'JTM', 'HV05J', 1998, 7),
  model('Toyota', 'Hilux', 'car', 'MR0', 'FZ29G', 2005, 6),
  model('Lexus', 'RX 350', 'car', 'JTJ', 'BK1BA', 2004, 14),
  model('Hyundai', 'Tucson', 'car', 'KMH', 'J381B', 2006, 5),
  model('Hyundai', 'Santa Fe', 'car', 'KMH', 'SH81D', 2006, 4),
  model('Ford', 'Ranger', 'car', 'MNC', 'LMFE4', 2008, 12),
  model('Ford', 'Everest', 'car', 'MNC', 'BMFF4', 2010, 4),
];

export const COLOURS: readonly string[] = [
  'White',
  'Black',
  'Silver',
  'Grey',
  'Red',
  'Blue',
  'Gold',
  'ខ្មៅ',
  'ស',
  'ក្រហម',
  'ខៀវ',
  'ប្រផេះ',
];

function model(
  make: string,
  name: string,
  category: 'car' | 'motorcycle',
  wmi: string,
  descriptor: string,
  firstYear: number,
  weight: number,
): VehicleModel {
  return Object.freeze({ make, model: name, category, wmi, descriptor, firstYear, weight });
}

/** Characters a VIN may hold: digits and capital letters other than I, O and Q. */
export const VIN_CHARACTERS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

// ISO 3779 model-year letters repeat every 30 years from 1980.
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

function transliterate(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  return 'ABCDEFGH'.includes(char)
    ? code - 64
    : 'JKLMN'.includes(char)
      ? code - 73
      : char === 'P'
        ? 7
        : char === 'R'
          ? 9
          : code - 81; // S … Z → 2 … 9
}

/** The check digit (0-9 or X) of a 17-character VIN, its ninth character ignored. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) if (i !== 8) sum += transliterate(vin[i]!) * WEIGHTS[i]!;
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

/** A 17-character VIN; `serial` below 33 million gives distinct VINs for one model and year. */
export function buildVin(vehicle: VehicleModel, year: number, serial: number): string {
  const plant = VIN_CHARACTERS[Math.floor(serial / 1_000_000) % VIN_CHARACTERS.length]!;
  const draft =
    vehicle.wmi +
    vehicle.descriptor +
    '0' +
    YEAR_CODES[(((year - 1980) % 30) + 30) % 30]! +
    plant +
    String(serial % 1_000_000).padStart(6, '0');
  return draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
}
