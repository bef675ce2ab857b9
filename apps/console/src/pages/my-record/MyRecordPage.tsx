// The citizen's own page: who looked at my record — which agency, which
// officer, which system, when, why (the purpose and its law), the case
// reference, what was returned and refused — and the questions I asked about
// it with their answers. Filters work on what is loaded (accessLog takes no
// filter). A printable statement carries my id and the date.
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { currentSession } from '../../api/session';
import {
  MyRecordAccessLogDocument as ACCESS_LOG,
  MyRecordPurposesDocument as PURPOSES,
  MyRecordQuestionAccessDocument as QUESTION,
} from '../../gql/graphql';
import type { MyRecordAccessLogQuery } from '../../gql/graphql';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { ListSelect } from '../../ui/ListSelect';
import { Page } from '../../ui/Page';
import '../desk/desk.css';
import './my-record.css';

export type LogEntry = MyRecordAccessLogQuery['accessLog']['entries'][number];

const PERIODS = ['all', '7', '30', '365'] as const;

type Period = (typeof PERIODS)[number];

/** My access log, page by page, and the purposes' laws to show beside each entry. */
function useAccessLog(nationalId: string | undefined) {
  const log = useInfiniteQuery({
    queryKey: ['my-record', 'accessLog', nationalId],
    enabled: nationalId !== undefined,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestAll(ACCESS_LOG, { nationalId: nationalId!, after: pageParam }),
    getNextPageParam: (last) => last.accessLog.nextCursor,
  });
  const purposes = useQuery({
    queryKey: ['my-record', 'purposes'],
    queryFn: () => requestAll(PURPOSES),
  });
  const basisOf = (code: string | null | undefined) =>
    purposes.data?.purposes.find((p) => p.code === code)?.legalBasis;
  const entries = useMemo(
    () => log.data?.pages.flatMap((page) => page.accessLog.entries) ?? [],
    [log.data],
  );
  return { log, entries, basisOf };
}

/** The filters over what is loaded: by agency, by kind, by period. */
function useEntryFilters(entries: LogEntry[]) {
  const [agency, setAgency] = useState('all');
  const [kind, setKind] = useState('all');
  const [period, setPeriod] = useState<Period>('all');
  const agencies = useMemo(
    () => [...new Map(entries.map((e) => [e.agencyId, e.agencyName ?? e.agencyId])).entries()],
    [entries],
  );
  const kinds = useMemo(() => [...new Set(entries.map((e) => e.kind))], [entries]);
  const shown = entries.filter((entry) => {
    if (agency !== 'all' && entry.agencyId !== agency) return false;
    if (kind !== 'all' && entry.kind !== kind) return false;
    if (period !== 'all') {
      const since = Date.now() - Number(period) * 24 * 3600 * 1000;
      if (new Date(entry.at).getTime() < since) return false;
    }
    return true;
  });
  const filtered = agency !== 'all' || kind !== 'all' || period !== 'all';
  return { agency, setAgency, kind, setKind, period, setPeriod, agencies, kinds, shown, filtered };
}

function useKindName() {
  const intl = useIntl();
  return (value: string) =>
    intl.messages[`myRecord.kind.${value}`]
      ? intl.formatMessage({ id: `myRecord.kind.${value}` })
      : value;
}

export default function MyRecordPage() {
  // Read by the shell before any page shows: asking again would hold the log back a round trip.
  const nationalId = currentSession()?.nationalId;
  const { log, entries, basisOf } = useAccessLog(nationalId);
  const filters = useEntryFilters(entries);
  const { shown } = filters;
  const kindName = useKindName();

  return (
    <Page
      title={<FormattedMessage id="myRecord.title" />}
      actions={
        <Button className="button secondary no-print" onPress={() => window.print()}>
          <FormattedMessage id="myRecord.print" />
        </Button>
      }
    >
      <StatementHeader nationalId={nationalId} />
      <p className="no-print">
        <FormattedMessage id="myRecord.lead" />
      </p>
      <ErrorBox error={log.error} />
      <LogFilters filters={filters} />
      {log.data ? (
        <p role="status">
          <FormattedMessage
            id="myRecord.count"
            values={{ shown: shown.length, loaded: entries.length }}
          />
        </p>
      ) : log.isLoading ? (
        <p>
          <FormattedMessage id="app.loading" />
        </p>
      ) : null}
      <ol className="access-log entry-list">
        {shown.map((entry) => (
          <li key={entry.entryId}>
            <EntryView
              entry={entry}
              kindName={kindName(entry.kind)}
              basis={basisOf(entry.purpose)}
            />
          </li>
        ))}
      </ol>
      {log.hasNextPage ? (
        <Button
          className="button secondary no-print"
          isDisabled={log.isFetchingNextPage}
          onPress={() => void log.fetchNextPage()}
        >
          <FormattedMessage id="myRecord.older" />
        </Button>
      ) : null}
    </Page>
  );
}

function StatementHeader({ nationalId }: { nationalId: string | undefined }) {
  const intl = useIntl();
  return (
    <div className="print-header print-only">
      <p>
        <FormattedMessage
          id="myRecord.statement"
          values={{
            id: <span className="national-id">{nationalId ?? ''}</span>,
            date: intl.formatDate(new Date(), { dateStyle: 'long', timeStyle: 'short' }),
          }}
        />
      </p>
    </div>
  );
}

function LogFilters({ filters }: { filters: ReturnType<typeof useEntryFilters> }) {
  const intl = useIntl();
  const kindName = useKindName();
  return (
    <details className="filters-box no-print">
      <summary>
        <FormattedMessage id="myRecord.filters" />
        {filters.filtered ? (
          <>
            {' · '}
            <FormattedMessage id="myRecord.filtersOn" />
          </>
        ) : null}
      </summary>
      <div className="filters">
        <Choice
          label="myRecord.filterAgency"
          value={filters.agency}
          onChange={filters.setAgency}
          options={[
            ['all', intl.formatMessage({ id: 'myRecord.allAgencies' })],
            ...filters.agencies,
          ]}
        />
        <Choice
          label="myRecord.filterKind"
          value={filters.kind}
          onChange={filters.setKind}
          options={[
            ['all', intl.formatMessage({ id: 'myRecord.allKinds' })],
            ...filters.kinds.map((k): [string, string] => [k, kindName(k)]),
          ]}
        />
        <Choice
          label="myRecord.filterPeriod"
          value={filters.period}
          onChange={(value) => filters.setPeriod(value as Period)}
          options={PERIODS.map((p): [string, string] => [
            p,
            intl.formatMessage({ id: `myRecord.period.${p}` }),
          ])}
        />
      </div>
    </details>
  );
}

function Choice({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<[string, string]>;
}) {
  return (
    <ListSelect
      label={<FormattedMessage id={label} />}
      value={value}
      onChange={(key) => onChange(key ?? 'all')}
      options={options}
    />
  );
}

function EntryView({
  entry,
  kindName,
  basis,
}: {
  entry: LogEntry;
  kindName: string;
  basis: string | undefined;
}) {
  const intl = useIntl();
  const refused = entry.outcome === 'refused';
  const headingId = `entry-${entry.entryId}`;
  return (
    <article
      className={`access-entry entry-card${refused ? ' refused-entry' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>
        {entry.agencyName ?? entry.agencyId} · {kindName}
      </h2>
      <p className="entry-when">
        {intl.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
        {' · '}
        <FormattedMessage id={`myRecord.outcome.${entry.outcome}`} />
      </p>
      <EntryFacts entry={entry} basis={basis} />
      {entry.question ? <Question question={entry.question} /> : <AskAbout entry={entry} />}
    </article>
  );
}

function EntryFacts({ entry, basis }: { entry: LogEntry; basis: string | undefined }) {
  const intl = useIntl();
  const sectionName = (value: string) =>
    intl.messages[`desk.section.${value}`]
      ? intl.formatMessage({ id: `desk.section.${value}` })
      : intl.messages[`desk.claim.${value}`]
        ? intl.formatMessage({ id: `desk.claim.${value}` })
        : value;
  const list = (values: readonly string[]) => values.map(sectionName).join(', ');
  return (
    <dl className="facts">
      <Fact label="myRecord.officer">
        {entry.person ? (
          <>
            {entry.person.name}{' '}
            <span className="muted">
              <FormattedMessage id={`myRecord.statedBy.${entry.person.statedBy}`} />
            </span>
          </>
        ) : (
          <FormattedMessage id="myRecord.noOfficer" />
        )}
      </Fact>
      {entry.clientName ? <Fact label="myRecord.system">{entry.clientName}</Fact> : null}
      {entry.purpose ? (
        <Fact label="myRecord.purpose">
          {entry.purposeTitle ?? entry.purpose}
          {basis ? (
            <>
              {' — '}
              <FormattedMessage id="myRecord.basis" values={{ basis }} />
            </>
          ) : null}
        </Fact>
      ) : null}
      {entry.reference ? <Fact label="myRecord.reference">{entry.reference}</Fact> : null}
      {entry.sectionsReturned.length ? (
        <Fact label="myRecord.returned">{list(entry.sectionsReturned)}</Fact>
      ) : null}
      {entry.sectionsDenied.length ? (
        <Fact label="myRecord.denied">{list(entry.sectionsDenied)}</Fact>
      ) : null}
      {entry.claimsFailed.length ? (
        <Fact label="myRecord.claimsFailed">{list(entry.claimsFailed)}</Fact>
      ) : null}
      {entry.claimsLocked.length ? (
        <Fact label="myRecord.claimsLocked">{list(entry.claimsLocked)}</Fact>
      ) : null}
      {entry.previewOf ? <Fact label="myRecord.previewOf">{entry.previewOf}</Fact> : null}
      {entry.discloseAfter ? (
        <Fact label="myRecord.disclosedLater">
          {intl.formatDate(entry.discloseAfter, { dateStyle: 'medium' })}
        </Fact>
      ) : null}
    </dl>
  );
}

/** The question I asked about an entry, and its answer once given. */
function Question({ question }: { question: NonNullable<LogEntry['question']> }) {
  const intl = useIntl();
  return (
    <div className="question">
      <p>
        <strong>
          <FormattedMessage
            id="myRecord.asked"
            values={{ at: intl.formatDate(question.askedAt, { dateStyle: 'medium' }) }}
          />
        </strong>{' '}
        {question.reason}
      </p>
      {question.answer ? (
        <p className="answer">
          <strong>
            <FormattedMessage
              id="myRecord.answered"
              values={{
                at: intl.formatDate(question.answeredAt ?? question.askedAt, {
                  dateStyle: 'medium',
                }),
              }}
            />
          </strong>{' '}
          {question.answer}
        </p>
      ) : (
        <p className="muted">
          <FormattedMessage id="myRecord.awaiting" />
        </p>
      )}
    </div>
  );
}

/** Asking the agency about an entry. */
function AskAbout({ entry }: { entry: LogEntry }) {
  const intl = useIntl();
  return (
    <div className="no-print">
      <ChangeDialog
        variant="secondary"
        label={<FormattedMessage id="myRecord.question" />}
        title={<FormattedMessage id="myRecord.questionTitle" />}
        reasonLabel={<FormattedMessage id="myRecord.yourQuestion" />}
        reasonHelp={<FormattedMessage id="myRecord.yourQuestionHelp" />}
        run={(reason) => requestAll(QUESTION, { entry: entry.entryId, reason })}
      >
        <p>
          <FormattedMessage
            id="myRecord.questionLead"
            values={{
              agency: entry.agencyName ?? entry.agencyId,
              at: intl.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' }),
            }}
          />
        </p>
      </ChangeDialog>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>
        <FormattedMessage id={label} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}
