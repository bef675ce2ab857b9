// Which national id schemes exist, so that configuration can name one and a
// country that renumbers can add its scheme without touching the callers.

import type { NationalIdScheme } from './national-id-scheme.js';
import { VerhoeffNationalIdScheme } from './verhoeff-national-id.scheme.js';

export const DEFAULT_NATIONAL_ID_SCHEME = 'verhoeff10';

const schemes = new Map<string, NationalIdScheme>([
  [DEFAULT_NATIONAL_ID_SCHEME, new VerhoeffNationalIdScheme()],
]);

/** Makes `scheme` selectable by its name; a name can be registered once. */
export function registerNationalIdScheme(scheme: NationalIdScheme): void {
  if (schemes.has(scheme.name)) {
    throw new Error(`A national id scheme named "${scheme.name}" is already registered`);
  }
  schemes.set(scheme.name, scheme);
}

export function getNationalIdScheme(name: string = DEFAULT_NATIONAL_ID_SCHEME): NationalIdScheme {
  const scheme = schemes.get(name);
  if (!scheme) {
    throw new Error(
      `Unknown national id scheme "${name}"; known schemes: ${[...schemes.keys()].join(', ')}`,
    );
  }
  return scheme;
}

export function nationalIdSchemeNames(): string[] {
  return [...schemes.keys()];
}
