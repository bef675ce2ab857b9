// The agencyId argument of previewAsAgency: an agency's id as registered
// (e.g. mef), refused with the field and the rule when it cannot be one.
import { CitizenException, CitizenExceptionCode } from '../citizen/citizen.exception.js';

const MAX_AGENCY_ID_LENGTH = 200;

export function checkPreviewAgency(input: string): string {
  const agencyId = input.normalize('NFC').trim();
  const refuse = (rule: string, problem: string): never => {
    throw new CitizenException(CitizenExceptionCode.INVALID_INPUT, `agencyId ${problem}`, {
      field: 'agencyId',
      rule,
    });
  };
  if (agencyId.length === 0 || agencyId.length > MAX_AGENCY_ID_LENGTH)
    refuse('maxLength', `must be 1 to ${MAX_AGENCY_ID_LENGTH} characters, e.g. mef`);
  if (/\p{Cc}/u.test(agencyId))
    refuse('no-control-characters', 'must not hold a control character');
  return agencyId;
}
