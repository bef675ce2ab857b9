// A person acting through a client: an officer or a citizen signed in with
// OpenID Connect ('session'), or an officer a desk system names on its own
// word ('client'). The audit log stores exactly this shape, so the type is the
// audit library's (it sits below this one in the library graph).
import type { AuditPerson } from '#spean/audit';

export type Person = AuditPerson;
