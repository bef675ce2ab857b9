// A national id as a person types it: Khmer or Latin digits, spaces and
// dashes; the check digit validated as typed; never formatted as a number.
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  checkTypedNationalId,
  normaliseNationalIdInput,
} from '../../../../libs/contracts/src/national-id/national-id-scheme';
import { VerhoeffNationalIdScheme } from '../../../../libs/contracts/src/national-id/verhoeff-national-id.scheme';

const scheme = new VerhoeffNationalIdScheme();

/** The canonical id, or the rule the typed text breaks. */
export function checkNationalId(typed: string): { id: string; rule?: string } {
  const { id, check } = checkTypedNationalId(scheme, typed);
  return check.valid ? { id } : { id, rule: check.rule };
}

export function NationalIdField({
  value,
  onChange,
  label,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  autoFocus?: boolean;
}) {
  const intl = useIntl();
  const typed = normaliseNationalIdInput(value);
  const { rule } = checkNationalId(value);
  // Said only once enough is typed to judge (or when something other than a digit is).
  const judged = typed.length >= 10 || /[^0-9]/.test(typed);
  const invalid = value !== '' && judged && rule !== undefined;
  return (
    <TextField
      className="field"
      value={value}
      onChange={onChange}
      isRequired
      isInvalid={invalid}
      autoFocus={autoFocus}
      name="nationalId"
      validationBehavior="aria"
    >
      <Label>{label ?? intl.formatMessage({ id: 'nationalId.label' })}</Label>
      <Input inputMode="numeric" autoComplete="off" spellCheck={false} className="national-id" />
      <Text slot="description">
        <FormattedMessage id="nationalId.help" />
      </Text>
      {invalid ? (
        <FieldError>{intl.formatMessage({ id: `nationalId.${rule}` })}</FieldError>
      ) : value !== '' && judged ? (
        <Text slot="description" className="field-ok" aria-live="polite">
          <FormattedMessage id="nationalId.ok" />
        </Text>
      ) : null}
    </TextField>
  );
}
