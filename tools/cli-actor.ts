// Who a CLI change is recorded as: the operator's login on the server (or the
// name given with --as), under the pseudo-agency "operator". The CLI runs with
// the database's credentials, so it is trusted like the server itself; the
// audit log still says who did what.
import os from 'node:os';
import type { Actor } from '#spean/access';

export function cliActor(as?: string): Actor {
  return { clientId: as ?? `cli:${os.userInfo().username}`, agencyId: 'operator' };
}
