// What I did: the newest audit entries this person made in the last day.
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { MyAuditEntriesDocument as MY_ENTRIES } from '../../gql/graphql';
import { AuditEntryView } from '../../ui/AuditEntryView';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';

export default function ActivityPage() {
  const entries = useQuery({ queryKey: ['myAuditEntries'], queryFn: () => requestAll(MY_ENTRIES) });
  return (
    <Page
      title={<FormattedMessage id="activity.title" />}
      lead={<FormattedMessage id="activity.lead" />}
    >
      <ErrorBox error={entries.error} />
      {entries.data?.myAuditEntries.length === 0 ? (
        <p>
          <FormattedMessage id="activity.none" />
        </p>
      ) : null}
      {entries.data?.myAuditEntries.map((entry) => (
        <AuditEntryView key={entry.seq} entry={entry} />
      ))}
    </Page>
  );
}
