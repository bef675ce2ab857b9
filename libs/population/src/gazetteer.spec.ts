import { describe, expect, it } from '@jest/globals';
import {
  PROVINCES,
  allCommunes,
  communeByCode,
  districtByCode,
  provinceByCode,
} from './gazetteer.js';
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE } from './khmer-names.js';

// The schemas' own rules for names in either script (schemas/address/1.json,
// schemas/person/1.json).
const KHMER_PLACE =
  /^[\u1780-\u17FF\u200B-\u200D0-9 .,()/#'’-]*[\u1780-\u17FF][\u1780-\u17FF\u200B-\u200D0-9 .,()/#'’-]*$/u;
const LATIN_PLACE = /^[0-9 .,()/#'’-]*\p{Script=Latin}[\p{Script=Latin}0-9 .,()/#'’-]*$/u;
const KHMER_NAME_PART = /^[\u1780-\u17FF]+(?:[ \u200B-\u200D'’-]+[\u1780-\u17FF]+)*$/u;
const LATIN_NAME_PART = /^\p{Script=Latin}+(?:[ '’-]+\p{Script=Latin}+)*$/u;

describe('gazetteer', () => {
  it('has the 24 provinces and the capital with their gazetteer codes', () => {
    expect(PROVINCES.map((p) => p.code)).toEqual(
      Array.from({ length: 25 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(provinceByCode('01')?.latin).toBe('Banteay Meanchey');
    expect(provinceByCode('12')?.latin).toBe('Phnom Penh');
    expect(provinceByCode('12')?.khmer).toBe('ភ្នំពេញ');
    expect(provinceByCode('17')?.latin).toBe('Siem Reap');
    expect(provinceByCode('25')?.latin).toBe('Tboung Khmum');
    expect(provinceByCode('26')).toBeUndefined();
  });

  it('weighs provinces by the 2019 census, Phnom Penh the largest', () => {
    const total = PROVINCES.reduce((sum, p) => sum + p.population2019, 0);
    expect(total).toBeGreaterThan(15_000_000);
    expect(total).toBeLessThan(16_000_000);
    const ranked = [...PROVINCES].sort((a, b) => b.population2019 - a.population2019);
    expect(ranked[0]!.code).toBe('12');
    expect(ranked.slice(0, 8).map((p) => p.code)).toEqual(
      expect.arrayContaining(['17', '03', '02', '08', '14', '21']),
    );
  });

  it('nests districts and communes under their parents by code', () => {
    const codes = new Set<string>();
    for (const province of PROVINCES) {
      expect(province.districts.length).toBeGreaterThanOrEqual(2);
      for (const district of province.districts) {
        expect(district.code).toMatch(/^\d{4}$/);
        expect(district.code.startsWith(province.code)).toBe(true);
        expect(district.province).toBe(province);
        expect(districtByCode(district.code)).toBe(district);
        expect(district.communes.length).toBeGreaterThanOrEqual(2);
        for (const commune of district.communes) {
          expect(commune.code).toMatch(/^\d{6}$/);
          expect(commune.code.startsWith(district.code)).toBe(true);
          expect(commune.district).toBe(district);
          expect(communeByCode(commune.code)).toBe(commune);
          expect(commune.urban).toBe(district.kind !== 'srok');
        }
      }
    }
    for (const commune of allCommunes()) {
      expect(codes.has(commune.code)).toBe(false);
      codes.add(commune.code);
    }
    expect(codes.size).toBeGreaterThan(800);
    // Phnom Penh's 14 khans.
    expect(provinceByCode('12')!.districts.map((d) => d.kind)).toEqual(Array(14).fill('khan'));
    expect(districtByCode('1202')?.latin).toBe('Daun Penh');
    expect(districtByCode('1710')?.kind).toBe('krong');
  });

  it('writes every place name as the schemas accept it, Khmer in Khmer script, in NFC', () => {
    const places = PROVINCES.flatMap((p) => [p, ...p.districts.flatMap((d) => [d, ...d.communes])]);
    for (const place of places) {
      expect(place.khmer).toMatch(KHMER_PLACE);
      expect(place.latin).toMatch(LATIN_PLACE);
      expect(place.khmer.normalize('NFC')).toBe(place.khmer);
    }
  });
});

describe('Khmer names', () => {
  it('has at least 40 family names and 60 given names for each sex, none twice', () => {
    expect(FAMILY_NAMES.length).toBeGreaterThanOrEqual(40);
    expect(GIVEN_NAMES_FEMALE.length).toBeGreaterThanOrEqual(60);
    expect(GIVEN_NAMES_MALE.length).toBeGreaterThanOrEqual(60);
    for (const list of [FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE]) {
      expect(new Set(list.map(([khmer]) => khmer)).size).toBe(list.length);
      expect(new Set(list.map(([, latin]) => latin)).size).toBe(list.length);
    }
  });

  it('writes names in Khmer script with their Latin transliteration', () => {
    for (const [khmer, latin, weight] of [
      ...FAMILY_NAMES,
      ...GIVEN_NAMES_FEMALE,
      ...GIVEN_NAMES_MALE,
    ]) {
      expect(khmer).toMatch(KHMER_NAME_PART);
      expect(khmer.normalize('NFC')).toBe(khmer);
      expect(latin).toMatch(LATIN_NAME_PART);
      expect(weight).toBeGreaterThan(0);
    }
  });
});
