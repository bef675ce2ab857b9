import { describe, expect, it } from '@jest/globals';
import type { AdapterRegistration, RegisteredRecordType } from './adapter-registration.js';
import {
  adapterRefusal,
  approveAll,
  mayConsume,
  mayPublish,
  normaliseEntries,
  rejectPending,
  reRegister,
} from './adapter-permissions.js';

function registration(overrides: Partial<AdapterRegistration> = {}): AdapterRegistration {
  return {
    name: 'transport',
    agencyId: 'mpwt',
    title: 'Vehicle register',
    state: 'approved',
    publishes: [{ recordType: 'vehicle-registration', schemaVersion: 1, approved: true }],
    consumes: [{ recordType: 'civil-event', schemaVersion: null, approved: true }],
    registeredBy: 'integrator-1',
    registeredAt: new Date(0),
    decidedBy: 'steward-1',
    decidedAt: new Date(0),
    decisionReason: 'reviewed',
    ...overrides,
  };
}

const entry = (
  recordType: string,
  schemaVersion: number | null,
  approved: boolean,
): RegisteredRecordType => ({ recordType, schemaVersion, approved });

describe('what an adapter may publish and consume', () => {
  it('allows an approved record type at an approved version', () => {
    expect(mayPublish(registration(), 'transport', 'vehicle-registration', 1)).toEqual({
      allowed: true,
    });
  });

  it('refuses another record type, naming what is approved', () => {
    expect(mayPublish(registration(), 'transport', 'land-title', 1)).toEqual({
      allowed: false,
      reason:
        'adapter transport is not approved to publish land-title 1 (approved: vehicle-registration 1)',
    });
  });

  it('refuses a version that is not approved when the approval names one', () => {
    const answer = mayPublish(registration(), 'transport', 'vehicle-registration', 2);
    expect(answer.allowed).toBe(false);
  });

  it('allows every version when the approval names none', () => {
    const any = registration({
      publishes: [entry('vehicle-registration', null, true)],
    });
    expect(mayPublish(any, 'transport', 'vehicle-registration', 7).allowed).toBe(true);
  });

  it('checks consumption by record type only', () => {
    expect(mayConsume(registration(), 'transport', 'civil-event').allowed).toBe(true);
    expect(mayConsume(registration(), 'transport', 'person')).toEqual({
      allowed: false,
      reason:
        'adapter transport is not approved to consume person (approved: civil-event (any version))',
    });
    // Publishing a type is no licence to consume it, nor the other way round.
    expect(mayConsume(registration(), 'transport', 'vehicle-registration').allowed).toBe(false);
    expect(mayPublish(registration(), 'transport', 'civil-event', 1).allowed).toBe(false);
  });

  it('refuses everything to an unregistered, pending, suspended or rejected adapter', () => {
    expect(mayPublish(undefined, 'ghost', 'person', 1)).toEqual({
      allowed: false,
      reason: 'adapter ghost is not registered',
    });
    const pending = registration({
      state: 'pending',
      publishes: [entry('vehicle-registration', 1, false)],
      consumes: [],
      decisionReason: null,
    });
    expect(mayPublish(pending, 'transport', 'vehicle-registration', 1)).toEqual({
      allowed: false,
      reason: 'adapter transport is pending approval',
    });
    expect(
      mayPublish(
        registration({ state: 'suspended', decisionReason: 'leaking test data' }),
        'transport',
        'vehicle-registration',
        1,
      ),
    ).toEqual({ allowed: false, reason: 'adapter transport is suspended: leaking test data' });
    expect(
      mayConsume(registration({ state: 'rejected' }), 'transport', 'civil-event').allowed,
    ).toBe(false);
    expect(adapterRefusal(registration(), 'transport')).toBeUndefined();
  });

  it('keeps what was approved in force while a change waits, and says the rest waits', () => {
    const changing = registration({
      state: 'pending',
      publishes: [entry('vehicle-registration', 1, true), entry('vehicle-registration', 2, false)],
    });
    expect(mayPublish(changing, 'transport', 'vehicle-registration', 1).allowed).toBe(true);
    expect(mayPublish(changing, 'transport', 'vehicle-registration', 2)).toEqual({
      allowed: false,
      reason:
        'adapter transport is not approved to publish vehicle-registration 2 yet: it waits for a steward’s decision (approved: vehicle-registration 1)',
    });
  });
});

describe('registering again', () => {
  const v = (recordType: string, schemaVersion: number | null) => ({ recordType, schemaVersion });

  it('makes a new adapter pending with nothing approved', () => {
    const change = reRegister(undefined, {
      title: 'x',
      publishes: [v('land-title', 1)],
      consumes: [],
    });
    expect(change).toEqual({
      state: 'pending',
      publishes: [entry('land-title', 1, false)],
      consumes: [],
      changed: true,
    });
  });

  it('asks for a decision on an added record type, keeping the approved ones', () => {
    const change = reRegister(registration(), {
      title: 'Vehicle register',
      publishes: [v('vehicle-registration', 1), v('vehicle-registration', 2)],
      consumes: [v('civil-event', null)],
    });
    expect(change.state).toBe('pending');
    expect(change.publishes).toEqual([
      entry('vehicle-registration', 1, true),
      entry('vehicle-registration', 2, false),
    ]);
    expect(change.consumes).toEqual([entry('civil-event', null, true)]);
  });

  it('narrows at once without a decision', () => {
    const change = reRegister(registration(), {
      title: 'Vehicle register',
      publishes: [v('vehicle-registration', 1)],
      consumes: [],
    });
    expect(change).toMatchObject({ state: 'approved', consumes: [], changed: true });
    // Pinning a version an any-version approval covers is a narrowing too.
    const pinned = reRegister(
      registration({ publishes: [entry('vehicle-registration', null, true)] }),
      { title: 'Vehicle register', publishes: [v('vehicle-registration', 1)], consumes: [] },
    );
    expect(pinned.state).toBe('approved');
  });

  it('changes nothing when registered again as it is', () => {
    const change = reRegister(registration(), {
      title: 'Vehicle register',
      publishes: [v('vehicle-registration', 1)],
      consumes: [v('civil-event', null)],
    });
    expect(change.changed).toBe(false);
  });

  it('asks again after a rejection', () => {
    const rejected = registration({
      state: 'rejected',
      publishes: [entry('land-title', 1, false)],
      consumes: [],
    });
    const change = reRegister(rejected, {
      title: 'Vehicle register',
      publishes: [v('land-title', 1)],
      consumes: [],
    });
    expect(change).toMatchObject({ state: 'pending', changed: true });
  });
});

describe("a steward's decisions", () => {
  it('approves everything asked for', () => {
    const pending = registration({
      state: 'pending',
      publishes: [entry('vehicle-registration', 1, true), entry('vehicle-registration', 2, false)],
    });
    const approved = approveAll(pending);
    expect(approved.state).toBe('approved');
    expect([...approved.publishes, ...approved.consumes].every((e) => e.approved)).toBe(true);
  });

  it('rejects a new adapter outright', () => {
    const pending = registration({
      state: 'pending',
      publishes: [entry('land-title', 1, false)],
      consumes: [],
    });
    expect(rejectPending(pending)).toMatchObject({
      state: 'rejected',
      changeOnly: false,
      publishes: [entry('land-title', 1, false)],
    });
  });

  it('rejects only the change of an approved adapter', () => {
    const changing = registration({
      state: 'pending',
      publishes: [entry('vehicle-registration', 1, true), entry('land-title', 1, false)],
    });
    expect(rejectPending(changing)).toMatchObject({
      state: 'approved',
      changeOnly: true,
      publishes: [entry('vehicle-registration', 1, true)],
    });
  });
});

describe('normaliseEntries', () => {
  it('sorts, removes duplicates, and lets any version cover pinned ones', () => {
    expect(
      normaliseEntries([
        { recordType: 'person', schemaVersion: 1 },
        { recordType: 'address', schemaVersion: 2 },
        { recordType: 'person', schemaVersion: null },
        { recordType: 'address', schemaVersion: 1 },
        { recordType: 'address', schemaVersion: 2 },
      ]),
    ).toEqual([
      { recordType: 'address', schemaVersion: 1 },
      { recordType: 'address', schemaVersion: 2 },
      { recordType: 'person', schemaVersion: null },
    ]);
  });
});
