// One audit entry as a person reads it: its place in the chain, what, when,
// who, and the details it recorded.
import { FormattedMessage, useIntl } from 'react-intl';

export interface AuditEntryShape {
  seq: number;
  at: string;
  kind: string;
  outcome: string;
  agencyId: string;
  clientId: string;
  purpose?: string | null;
  subjectId?: string | null;
  details: string;
  person?: { name: string } | null;
}

export function AuditEntryView({ entry }: { entry: AuditEntryShape }) {
  const intl = useIntl();
  return (
    <dl className="audit-entry" data-seq={entry.seq}>
      <dt>
        <FormattedMessage
          id="audit.entry"
          values={{
            seq: entry.seq,
            kind: entry.kind,
            at: intl.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'medium' }),
          }}
        />
      </dt>
      <dd>
        {entry.person?.name ?? entry.clientId} · {entry.agencyId} · {entry.outcome}
        {entry.purpose ? ` · ${entry.purpose}` : ''}
      </dd>
      <dd>
        <code className="details">{entry.details}</code>
      </dd>
    </dl>
  );
}
