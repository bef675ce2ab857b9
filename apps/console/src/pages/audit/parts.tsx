// Small pieces the audit and access pages share: a time as a person reads it, a short form of a hash, and the signed-in role (to show
// only the actions it may take; the API refuses the others anyway).
import { useIntl } from 'react-intl';
import { currentSession, type Role } from '../../api/session';

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
