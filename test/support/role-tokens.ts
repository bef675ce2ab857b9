// One token per role, for authorisation tests that ask the same question as
// every kind of caller: the stack's own clients, and a citizen of its own.
import type { Role } from '#spean/access';
import { newNationalId } from './full-citizen.js';
import type { SpeanStack } from './spean-stack.js';

export async function roleTokens(stack: SpeanStack): Promise<Record<Role, string>> {
  const citizen = await stack.citizen(newNationalId());
  const [agency, adapter, steward, integrator, auditor, own] = await Promise.all(
    [stack.agency, stack.adapter, stack.steward, stack.integrator, stack.auditor, citizen].map(
      (client) => stack.token(client),
    ),
  );
  return { agency, adapter, steward, integrator, auditor, citizen: own } as Record<Role, string>;
}
