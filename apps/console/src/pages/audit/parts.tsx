// Small pieces the audit and access pages share: a labelled select, a time as
// a person reads it, a short form of a hash, and the signed-in role (to show
// only the actions it may take; the API refuses the others anyway).
import { useIntl } from 'react-intl';
import { currentSession, type Role } from '../../api/session';

export interface Option {
  value: string;
  label: string;
}

/** A native select with its label: labelled for every screen reader, usable on any phone. */
export function NativeSelect({
  id,
  label,
  value,
  onChange,
  options,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        required={required}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function When({ at }: { at: string }) {
  const intl = useIntl();
  return (
    <time dateTime={at}>{intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
  );
}

export function Day({ at }: { at: string }) {
  const intl = useIntl();
  return <time dateTime={at}>{intl.formatDate(at, { dateStyle: 'medium' })}</time>;
}

/** What an entry records, in the reader's language, with the log's own code beside it. */
export function Kind({ kind }: { kind: string }) {
  const intl = useIntl();
  const id = `audit.kind.${kind}`;
  const label = intl.messages[id] ? intl.formatMessage({ id }) : null;
  return (
    <>
      {label ? (
        <>
          {label}
          <br />
        </>
      ) : null}
      <span className="audit-kind">{kind}</span>
    </>
  );
}

export function shortHash(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}

/** The signed-in person's role, read from the session (memory only). */
export function useRole(): Role | undefined {
  return currentSession()?.role;
}
