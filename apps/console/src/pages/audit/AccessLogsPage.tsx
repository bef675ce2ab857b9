// A citizen's access log, read by an auditor: who looked at the record, when,
// for what purpose, which sections. The citizen sees this reading itself in
// their log (the gateway writes an access-log-read entry), so the page says
// so before the auditor reads and for as long as the log is shown.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { AuditCitizenAccessLogDocument as ACCESS_LOG } from '../../gql/graphql';
import type { AuditCitizenAccessLogQuery } from '../../gql/graphql';
import { ErrorBox } from '../../ui/ErrorBox';
import { checkNationalId, NationalIdField } from '../../ui/NationalIdField';
import { Page } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { Kind, When } from './parts';
import './audit.css';

type LogEntry = AuditCitizenAccessLogQuery['accessLog']['entries'][number];

export default function AccessLogsPage() {
  const intl = useIntl();
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const log = useQuery({
    queryKey: ['audit', 'accessLog', asked, after],
    queryFn: () =>
      requestAll(ACCESS_LOG, { nationalId: asked!, first: 20, after: after ?? undefined }),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
  });
  const valid = checkNationalId(typed).rule === undefined;
  const page = log.data?.accessLog;
  return (
    <Page title={<FormattedMessage id="audit.accessLogs.title" />}>
      <p role="note" className="audit-banner">
        <FormattedMessage id="audit.accessLogs.banner" />
      </p>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          setAsked(checkNationalId(typed).id);
          setCursors([null]);
        }}
      >
        <NationalIdField value={typed} onChange={setTyped} />
        <Button type="submit" className="button primary" isDisabled={!valid}>
          <FormattedMessage id="audit.accessLogs.read" />
        </Button>
      </Form>
      <ErrorBox error={log.error} />
      {page && asked ? (
        <section aria-labelledby="access-log-heading">
          <h2 id="access-log-heading">
            <FormattedMessage id="audit.accessLogs.of" values={{ id: asked }} />
          </h2>
          <p role="status" className="audit-banner audit-banner-strong">
            <FormattedMessage id="audit.accessLogs.seen" />
          </p>
          {page.entries.length === 0 ? (
            <p>
              <FormattedMessage id="audit.accessLogs.none" />
            </p>
          ) : (
            <AccessLogTable entries={page.entries} />
          )}
          <nav
            className="audit-pager"
            aria-label={intl.formatMessage({ id: 'audit.explorer.pages' })}
          >
            <Button
              className="button secondary"
              isDisabled={cursors.length === 1}
              onPress={() => setCursors(cursors.slice(0, -1))}
            >
              <FormattedMessage id="audit.accessLogs.newer" />
            </Button>
            <Button
              className="button secondary"
              isDisabled={!page.nextCursor || log.isFetching}
              onPress={() => setCursors([...cursors, page.nextCursor ?? null])}
            >
              <FormattedMessage id="audit.accessLogs.older" />
            </Button>
          </nav>
        </section>
      ) : null}
    </Page>
  );
}

function AccessLogTable({ entries }: { entries: LogEntry[] }) {
  return (
    <Table
      scroll="audit-scroll"
      caption={
        <FormattedMessage id="audit.accessLogs.caption" values={{ count: entries.length }} />
      }
      columns={[
        'audit.explorer.when',
        'audit.accessLogs.whoLooked',
        'audit.explorer.what',
        'audit.explorer.purpose',
        'audit.accessLogs.sections',
        'audit.explorer.outcome',
      ]}
    >
      {entries.map((entry) => (
        <AccessLogRow key={entry.entryId} entry={entry} />
      ))}
    </Table>
  );
}

function AccessLogRow({ entry }: { entry: LogEntry }) {
  return (
    <tr>
      <th scope="row">
        <When at={entry.at} />
      </th>
      <td>
        {entry.person ? <span className="audit-person">{entry.person.name}</span> : null}
        {entry.person ? <br /> : null}
        {entry.agencyName ?? entry.agencyId}
        {entry.clientName ? ` · ${entry.clientName}` : ''}
      </td>
      <td>
        <Kind kind={entry.kind} />
        {entry.previewOf ? ` (${entry.previewOf})` : ''}
      </td>
      <td>
        {entry.purposeTitle ?? entry.purpose ?? '—'}
        {entry.reference ? (
          <>
            <br />
            <FormattedMessage
              id="audit.accessLogs.reference"
              values={{ reference: entry.reference }}
            />
          </>
        ) : null}
      </td>
      <td>
        {entry.sectionsReturned.length > 0 ? (
          <FormattedMessage
            id="audit.accessLogs.returned"
            values={{ sections: entry.sectionsReturned.join(', ') }}
          />
        ) : null}
        {entry.sectionsDenied.length > 0 ? (
          <>
            {entry.sectionsReturned.length > 0 ? <br /> : null}
            <FormattedMessage
              id="audit.accessLogs.denied"
              values={{ sections: entry.sectionsDenied.join(', ') }}
            />
          </>
        ) : null}
      </td>
      <td>{entry.outcome}</td>
    </tr>
  );
}
