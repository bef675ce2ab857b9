// The access control a gateway runs, on a test database: the policy lookups
// are decided by, following every change, and the stewards' service that
// changes it (reloading the policy before it reports a change done), with the
// demo purposes registered. Agencies and grants are each spec's own.
import { AccessControlService, AccessPolicy, grantableSections } from '#spean/access';
import type { AuditLog } from '#spean/audit';
import type { Database } from '#spean/persistence';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import { registerPurposes } from '../../tools/demo-access.js';

export interface TestAccessControl {
  policy: AccessPolicy;
  accessControl: AccessControlService;
}

/** Started: stop `policy` after the spec. */
export async function startAccessControl(
  database: Database,
  audit: AuditLog,
): Promise<TestAccessControl> {
  const policy = new AccessPolicy(database);
  await policy.start();
  const accessControl = new AccessControlService(
    database,
    audit,
    grantableSections(defaultSchemaCatalog()),
    () => policy.reload(),
  );
  await registerPurposes(accessControl);
  return { policy, accessControl };
}
