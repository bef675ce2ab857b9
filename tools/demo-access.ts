// The legal purposes and grants of the demo (npm start) and of the test stack.
// A ministry's real register of purposes and grants is kept by its stewards
// with `spean purposes` and `spean grants`; nothing here is granted in
// production unless an operator runs it.
import type { AccessControlService, Actor, NewPurpose } from '#spean/access';

export const SYSTEM_ACTOR: Actor = { clientId: 'system', agencyId: 'system' };

export const DEMO_PURPOSES: readonly NewPurpose[] = [
  {
    code: 'business-registration',
    title: 'Registering or amending a business',
    legalBasis: 'Law on Commercial Enterprises',
  },
  {
    code: 'tax-administration',
    title: 'Assessing and collecting taxes',
    legalBasis: 'Law on Taxation',
  },
  {
    code: 'vehicle-registration',
    title: 'Registering and transferring vehicles',
    legalBasis: 'Law on Road Traffic',
  },
  {
    code: 'land-administration',
    title: 'Registering and transferring land',
    legalBasis: 'Land Law',
  },
  {
    code: 'social-assistance',
    title: 'Deciding eligibility for social assistance',
    legalBasis: 'Sub-decree on identification of poor households',
  },
  {
    code: 'identity-verification',
    title: 'Confirming who a person at a service desk is',
    legalBasis: 'Law on Civil Registration',
  },
];

/** What the demo's business registration desk (agency mef) may see. */
export const DEMO_GRANTS: ReadonlyArray<{ purpose: string; sections: readonly string[] }> = [
  {
    purpose: 'business-registration',
    sections: ['nationalId', 'person', 'address', 'businesses', 'taxpayer'],
  },
  { purpose: 'identity-verification', sections: ['verification'] },
];

export async function registerPurposes(
  service: AccessControlService,
  purposes: readonly NewPurpose[] = DEMO_PURPOSES,
): Promise<void> {
  const known = new Set((await service.purposes()).map((purpose) => purpose.code));
  for (const purpose of purposes) {
    if (!known.has(purpose.code)) await service.registerPurpose(SYSTEM_ACTOR, purpose);
  }
}

export async function grantSections(
  service: AccessControlService,
  agencyId: string,
  grants: ReadonlyArray<{ purpose: string; sections: readonly string[] }>,
  reason: string,
): Promise<void> {
  const now = new Date();
  const validUntil = new Date(now.getTime() + 365 * 24 * 3600 * 1000);
  for (const { purpose, sections } of grants) {
    for (const section of sections) {
      await service.grant(SYSTEM_ACTOR, { agencyId, section, purpose, validUntil, reason }, now);
    }
  }
}
