// The compatibility modes a record type's schema can be held to, as Confluent
// Schema Registry names them. A new schema version is checked against earlier
// ones before it may become active, so that consumers and producers on
// different versions keep understanding each other while they upgrade.

export type CompatibilityMode =
  | 'BACKWARD'
  | 'BACKWARD_TRANSITIVE'
  | 'FORWARD'
  | 'FORWARD_TRANSITIVE'
  | 'FULL'
  | 'FULL_TRANSITIVE'
  | 'NONE';

/**
 * Ministries upgrade their consumers at their own pace, and the log keeps
 * records written with every version: a consumer on the newest version must
 * read all of them, not only those of the version just before.
 */
export const DEFAULT_COMPATIBILITY_MODE: CompatibilityMode = 'BACKWARD_TRANSITIVE';

export const COMPATIBILITY_MODES: readonly CompatibilityMode[] = Object.freeze([
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
]);

/**
 * Which guarantee a difference breaks. backward: consumers on the new version
 * reading records written with an old one; forward: consumers still on an old
 * version reading records written with the new one.
 */
export type CompatibilityDirection = 'backward' | 'forward';

export function isCompatibilityMode(value: unknown): value is CompatibilityMode {
  return typeof value === 'string' && (COMPATIBILITY_MODES as readonly string[]).includes(value);
}

/** The guarantees a mode asks for; none for NONE. */
export function directionsOf(mode: CompatibilityMode): readonly CompatibilityDirection[] {
  switch (mode) {
    case 'BACKWARD':
    case 'BACKWARD_TRANSITIVE':
      return ['backward'];
    case 'FORWARD':
    case 'FORWARD_TRANSITIVE':
      return ['forward'];
    case 'FULL':
    case 'FULL_TRANSITIVE':
      return ['backward', 'forward'];
    case 'NONE':
      return [];
  }
}

/** Whether a mode holds a new version to every earlier one rather than only the latest. */
export function isTransitive(mode: CompatibilityMode): boolean {
  return mode.endsWith('_TRANSITIVE');
}

/** One sentence for data stewards choosing a record type's mode. */
export function describeMode(mode: CompatibilityMode): string {
  switch (mode) {
    case 'BACKWARD':
      return 'A new version must accept every record the version just before it accepted, so consumers can upgrade first and still read what producers on that version write.';
    case 'BACKWARD_TRANSITIVE':
      return 'A new version must accept every record any earlier version accepted, so consumers on the newest version can read the whole history on the log.';
    case 'FORWARD':
      return 'Every record a new version accepts must also be accepted by the version just before it, so producers can upgrade first without breaking consumers still on that version.';
    case 'FORWARD_TRANSITIVE':
      return 'Every record a new version accepts must also be accepted by every earlier version, so producers can upgrade first without breaking any consumer, however old.';
    case 'FULL':
      return 'A new version and the version just before it must accept exactly the same records in both directions, so producers and consumers can upgrade in any order.';
    case 'FULL_TRANSITIVE':
      return 'A new version must accept the records of every earlier version and write only records every earlier version accepts, so any producer and any consumer keep working together.';
    case 'NONE':
      return 'A new version is not checked against earlier ones; consumers and producers must be upgraded together.';
  }
}
