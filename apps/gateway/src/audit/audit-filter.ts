// The explorer's filter, checked once for both transports (GraphQL and the CSV
// export), so a bad value is refused with the same field and rule either way.
// A citizen is named by national id, typed as at a desk; the log keeps the
// canonical form of that id as the entry's subject, so the filter does too.
// The person who acted is named as the explorer shows them, by name; any
// issuer's person of that name matches (the CSV says which issuer).
import { AUDIT_KINDS } from '#spean/audit';
import { checkTypedNationalId, type NationalIdScheme } from '#spean/contracts';
import { refuseAuditInput } from './audit-explorer.exception.js';

export const AUDIT_OUTCOMES = ['returned', 'denied', 'refused'] as const;
/** returned: nothing asked for was withheld; denied: some sections or claims were; refused: nothing was answered. */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The filter as a transport hands it over; every field optional. */
export interface AuditFilterInput {
  from?: Date | string | null;
  to?: Date | string | null;
  agencyId?: string | null;
  clientId?: string | null;
  personName?: string | null;
  nationalId?: string | null;
  kinds?: readonly string[] | null;
  outcomes?: readonly string[] | null;
}

/** The filter as the repository applies it; null is "any". */
export interface AuditQuery {
  from: Date | null;
  to: Date | null;
  agencyId: string | null;
  clientId: string | null;
  /** The acting person's name as typed (NFC, trimmed); matched case-insensitively. */
  personName: string | null;
  subjectId: string | null;
  kinds: string[] | null;
  outcomes: AuditOutcome[] | null;
}

const MAX_ID_LENGTH = 200;

export function checkAuditFilter(
  input: AuditFilterInput | null | undefined,
  nationalIds: NationalIdScheme,
  /** How the transport names the filter's fields: "filter." for GraphQL, "" for query parameters. */
  prefix: string,
): AuditQuery {
  const refuse = (field: string, rule: string, message: string): never =>
    refuseAuditInput(`${prefix}${field}`, rule, `${prefix}${field} ${message}`);
  const time = (value: Date | string | null | undefined, field: string): Date | null => {
    if (value === undefined || value === null) return null;
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime())
      ? refuse(field, 'date-time', 'must be an ISO 8601 date and time, e.g. 2026-01-31T00:00:00Z')
      : date;
  };
  const id = (value: string | null | undefined, field: string): string | null => {
    if (value === undefined || value === null) return null;
    const text = value.normalize('NFC').trim();
    if (text.length === 0 || text.length > MAX_ID_LENGTH)
      refuse(field, 'maxLength', `must be 1 to ${MAX_ID_LENGTH} characters`);
    if (/\p{Cc}/u.test(text))
      refuse(field, 'no-control-characters', 'must not hold a control character');
    return text;
  };
  const oneOf = <T extends string>(
    values: readonly string[] | null | undefined,
    allowed: readonly T[],
    field: string,
  ): T[] | null => {
    if (values === undefined || values === null || values.length === 0) return null;
    for (const value of values)
      if (!(allowed as readonly string[]).includes(value))
        refuse(field, 'enum', `must each be one of ${allowed.join(', ')}`);
    return [...new Set(values)] as T[];
  };
  const from = time(input?.from, 'from');
  const to = time(input?.to, 'to');
  if (from && to && to.getTime() <= from.getTime())
    refuse('to', 'after-from', 'must be after from');
  return {
    from,
    to,
    agencyId: id(input?.agencyId, 'agencyId'),
    clientId: id(input?.clientId, 'clientId'),
    personName: id(input?.personName, 'personName'),
    subjectId: subject(input?.nationalId, nationalIds, (rule, message) =>
      refuse('nationalId', rule, message),
    ),
    kinds: oneOf(input?.kinds, AUDIT_KINDS, 'kinds'),
    outcomes: oneOf(input?.outcomes, AUDIT_OUTCOMES, 'outcomes'),
  };
}

function subject(
  input: string | null | undefined,
  nationalIds: NationalIdScheme,
  refuse: (rule: string, message: string) => never,
): string | null {
  if (input === undefined || input === null) return null;
  const { id, check } = checkTypedNationalId(nationalIds, input);
  return check.valid ? id : refuse(check.rule, check.message);
}
