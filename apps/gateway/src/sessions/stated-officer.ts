// A desk system (a client of role agency) may say which officer it asks for:
// `X-Spean-Officer: <staff id>;<name>`, the name percent-encoded UTF-8 (Khmer
// names travel so). The officer is recorded as the person of the principal
// with statedBy 'client' — on the client's word, which the audit entry says —
// and the issuer is the client's id. Any other caller, or a malformed value,
// is refused with the header and the rule named.
import type { ServerResponse } from 'node:http';
import type { AuthenticatedRequest, Person } from '#spean/access';
import { textRuleBroken } from '#spean/schema-registry';
import { SignInException, SignInExceptionCode } from './sign-in.exception.js';
import { answerRefusal } from './sign-in-http.js';

export const OFFICER_HEADER = 'x-spean-officer';

const STAFF_ID = /^[A-Za-z0-9._@-]{1,64}$/;
const MAX_NAME = 200;

/** The officer a header states, or undefined when there is no header. */
export function statedOfficer(
  principal: AuthenticatedRequest['principal'],
  header: string | string[] | undefined,
): Person | undefined {
  if (header === undefined) return undefined;
  const bad = (rule: string, message: string): never => {
    throw new SignInException(
      SignInExceptionCode.BAD_OFFICER_HEADER,
      `X-Spean-Officer ${message}`,
      { header: 'X-Spean-Officer', rule },
    );
  };
  if (!principal || principal.role !== 'agency' || principal.person)
    bad('agency-clients-only', 'may be sent only by an agency’s system with its own token');
  if (Array.isArray(header)) return bad('single', 'must be sent once');
  const separator = header.indexOf(';');
  if (separator < 0) bad('format', 'must be <staff id>;<name>, the name percent-encoded');
  const subject = header.slice(0, separator).trim();
  if (!STAFF_ID.test(subject))
    bad('staff-id', 'staff id must be 1 to 64 letters, digits or . _ @ -');
  let name = '';
  try {
    name = decodeURIComponent(header.slice(separator + 1).trim()).normalize('NFC');
  } catch {
    bad('percent-encoding', 'name must be percent-encoded UTF-8');
  }
  if (name.trim() === '' || name.length > MAX_NAME || textRuleBroken(name) !== undefined)
    bad('name', `name must be plain text of 1 to ${MAX_NAME} characters`);
  return { issuer: principal!.clientId, subject, name: name.trim(), statedBy: 'client' };
}

/** Express middleware for /graphql, after authentication. */
export function statedOfficerMiddleware(
  request: AuthenticatedRequest,
  response: ServerResponse,
  next: (error?: unknown) => void,
): void {
  try {
    const person = statedOfficer(request.principal, request.headers[OFFICER_HEADER]);
    if (person) request.principal = { ...request.principal!, person };
    next();
  } catch (error) {
    if (!(error instanceof SignInException)) throw error;
    answerRefusal(response, error);
  }
}
