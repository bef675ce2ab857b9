// Names arrive from many systems: one keyboard composes "é" or orders Khmer
// marks one way, another decomposes or orders them differently. Compared code
// unit by code unit they differ, so a record is put in Unicode NFC before it
// is validated, stored or compared.
//
// Most text is NFC already, and validation runs on every record, so both
// functions here first check cheaply and allocate only for what changes.

import { MAX_RECORD_DEPTH } from './input-rules.js';

// No character below U+0300 decomposes or combines in NFC.
const FIRST_COMBINING = 0x300;
// Nothing in the Khmer block decomposes or composes; of its marks only COENG
// (combining class 9) and ATTHACAN (230) have a combining class, so the one
// sequence NFC changes is ATTHACAN followed by COENG, which it swaps.
const KHMER_FIRST = 0x1780;
const KHMER_LAST = 0x17ff;
const KHMER_COENG = 0x17d2;
const KHMER_ATTHACAN = 0x17dd;

// Deeper than any schema nests; beyond it the value is left as it is, and
// validation rejects it (rule max-depth), instead of recursing as deep as a
// hostile input goes.
const MAX_DEPTH = MAX_RECORD_DEPTH;

function isStable(code: number): boolean {
  return (
    code < FIRST_COMBINING ||
    (code >= KHMER_FIRST && code <= KHMER_LAST) ||
    // zero-width space, non-joiner and joiner; right single quotation mark
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2019
  );
}

// A character isStable() would not pass, a JSON \u escape (which may spell
// one), or the one Khmer pair NFC reorders.
// eslint-disable-next-line no-control-regex -- the stable range starts at U+0000
const MAY_NEED_NFC = /[^\u0000-\u02ff\u1780-\u17ff\u200b-\u200d\u2019]|\\u|\u17dd\u17d2/;

/**
 * Whether every string the JSON `text` holds, once parsed, is NFC already:
 * one scan of the raw text instead of a walk over the parsed value. False
 * means only that the value must be normalised the slow way.
 */
export function isNfcJson(text: string): boolean {
  return !MAY_NEED_NFC.test(text);
}

/** `text` in NFC; `text` itself when it already is, as it almost always is. */
export function toNfc(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isStable(code) || (code === KHMER_ATTHACAN && text.charCodeAt(i + 1) === KHMER_COENG)) {
      return text.normalize('NFC');
    }
  }
  return text;
}

function setProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    // JSON.parse makes "__proto__" an own property; assigning it would
    // replace the prototype instead.
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

function normalise(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return toNfc(value);
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return value;

  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = normalise(value[i], depth + 1);
      if (item !== value[i]) {
        copy ??= value.slice();
        copy[i] = item;
      }
    }
    return copy ?? value;
  }

  const prototype: unknown = Object.getPrototypeOf(value);
  // Dates, buffers and the like are not JSON; the schema will say so.
  if (prototype !== Object.prototype && prototype !== null) return value;
  const source = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(source)) {
    const item = normalise(source[key], depth + 1);
    const nfcKey = toNfc(key);
    if (item === source[key] && nfcKey === key) continue;
    // Spread defines properties (it does not assign), so it copies "__proto__" safely.
    copy ??= { ...source };
    if (nfcKey !== key) delete copy[key];
    setProperty(copy, nfcKey, item);
  }
  return copy ?? value;
}

/**
 * A JSON value with every string and property name in NFC. The input is
 * never modified: it is returned itself when already NFC, and otherwise the
 * objects and arrays on the way to a changed string are copied.
 */
export function normaliseToNfc<T>(value: T): T {
  return normalise(value, 0) as T;
}
