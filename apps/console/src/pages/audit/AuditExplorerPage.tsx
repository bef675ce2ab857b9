// The auditor's explorer of the audit log: a filter (who — agency, client,
// the person who acted — what, which citizen, when, outcome), pages oldest
// first by the API's cursor, each entry readable, and the same filter as a
// CSV download. Every page read is itself
// audited by the gateway (the citizens it shows see the reading), and so is
// the download, which goes with the session cookie as a same-origin link.
import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { AUDIT_KINDS } from '../../../../../libs/audit/src/audit-entry';
import { requestAll } from '../../api/graphql';
import { AuditExplorerEntriesDocument as ENTRIES } from '../../gql/graphql';
import type { AuditExplorerEntriesQuery, AuditFilter } from '../../gql/graphql';
import { SelectField, TextInput } from '../../ui/fields';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { Kind, shortHash, When } from './parts';
import './audit.css';

const OUTCOMES = ['returned', 'denied', 'refused'] as const;
const PAGE_SIZES = ['10', '20', '50', '100'];

interface Draft {
  agencyId: string;
  clientId: string;
  personName: string;
  nationalId: string;
  kind: string;
  outcome: string;
  from: string;
  to: string;
}

const EMPTY: Draft = {
  agencyId: '',
  clientId: '',
  personName: '',
  nationalId: '',
  kind: '',
  outcome: '',
  from: '',
  to: '',
};

/** The form as the API's filter: empty fields are "any"; dates are whole days where the person is. */
function filterOf(draft: Draft): AuditFilter {
  const filter: AuditFilter = {};
  if (draft.agencyId.trim()) filter.agencyId = draft.agencyId.trim();
  if (draft.clientId.trim()) filter.clientId = draft.clientId.trim();
  if (draft.personName.trim()) filter.personName = draft.personName.trim();
  if (draft.nationalId.trim()) filter.nationalId = draft.nationalId.trim();
  if (draft.kind) filter.kinds = [draft.kind];
  if (draft.outcome) filter.outcomes = [draft.outcome];
  if (draft.from) filter.from = startOfDay(draft.from).toISOString();
  if (draft.to) {
    const dayAfter = startOfDay(draft.to);
    dayAfter.setDate(dayAfter.getDate() + 1);
    filter.to = dayAfter.toISOString();
  }
  return filter;
}

/** Local midnight of a YYYY-MM-DD day, as the date field gives it. */
function startOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date!);
}

/** The same filter as the CSV export's query parameters. */
function csvHref(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = params.toString();
  return `/v1/audit/entries.csv${query ? `?${query}` : ''}`;
}

type Entry = AuditExplorerEntriesQuery['auditEntries']['entries'][number];

/** The pages of entries for a filter, read by the API's cursor. */
function useEntryPages(filter: AuditFilter) {
  const [pageSize, setPageSize] = useState('20');
  // The cursors of the pages seen so far: page n is read after cursors[n].
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const pageIndex = cursors.length - 1;
  const after = cursors[pageIndex] ?? null;
  const entries = useQuery({
    queryKey: ['audit', 'entries', filter, pageSize, after],
    queryFn: () =>
      requestAll(ENTRIES, { filter, first: Number(pageSize), after: after ?? undefined }),
    placeholderData: keepPreviousData,
  });
  // While the next page loads, the previous one stays on screen: its number stays too.
  const [shownIndex, setShownIndex] = useState(0);
  if (entries.data && !entries.isPlaceholderData && shownIndex !== pageIndex)
    setShownIndex(pageIndex);
  return {
    entries,
    pageSize,
    pageIndex,
    shownIndex,
    setPageSize: (size: string) => {
      setPageSize(size);
      setCursors([null]);
    },
    restart: () => setCursors([null]),
    previous: () => setCursors(cursors.slice(0, -1)),
    next: (cursor: string | null) => setCursors([...cursors, cursor]),
  };
}

type EntryPages = ReturnType<typeof useEntryPages>;

export default function AuditExplorerPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const pages = useEntryPages(filter);
  const { entries, shownIndex } = pages;
  const page = entries.data?.auditEntries;

  return (
    <Page
      title={<FormattedMessage id="audit.explorer.title" />}
      lead={<FormattedMessage id="audit.explorer.lead" />}
    >
      <FilterForm
        filter={filter}
        pageSize={pages.pageSize}
        onPageSize={pages.setPageSize}
        onFilter={(next) => {
          setFilter(next);
          pages.restart();
        }}
      />
      <ErrorBox error={entries.error} />
      {page ? (
        <>
          <EntriesTable entries={page.entries} page={shownIndex + 1} busy={entries.isFetching} />
          {page.entries.length === 0 ? (
            <p>
              <FormattedMessage id="audit.explorer.none" />
            </p>
          ) : null}
          <Pager pages={pages} nextCursor={page.nextCursor} />
        </>
      ) : entries.isLoading ? (
        <p>
          <FormattedMessage id="app.loading" />
        </p>
      ) : null}
    </Page>
  );
}

function FilterForm({
  filter,
  pageSize,
  onPageSize,
  onFilter,
}: {
  filter: AuditFilter;
  pageSize: string;
  onPageSize: (size: string) => void;
  onFilter: (filter: AuditFilter) => void;
}) {
  const intl = useIntl();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (name: keyof Draft) => (value: string) => setDraft({ ...draft, [name]: value });
  const search = (event: FormEvent) => {
    event.preventDefault();
    onFilter(filterOf(draft));
  };
  return (
    <Form className="audit-filter" onSubmit={search} aria-labelledby="audit-filter-heading">
      <h2 id="audit-filter-heading">
        <FormattedMessage id="audit.explorer.filter" />
      </h2>
      <div className="audit-filter-grid">
        <FilterFields draft={draft} set={set} />
        <SelectField
          id="audit-page-size"
          label={intl.formatMessage({ id: 'audit.explorer.pageSize' })}
          value={pageSize}
          onChange={onPageSize}
          options={PAGE_SIZES.map((size) => ({ value: size, label: size }))}
        />
      </div>
      <div className="audit-actions">
        <Button type="submit" className="button primary">
          <FormattedMessage id="audit.explorer.search" />
        </Button>
        <Button
          className="button secondary"
          onPress={() => {
            setDraft(EMPTY);
            onFilter({});
          }}
        >
          <FormattedMessage id="audit.explorer.clear" />
        </Button>
        <a className="button secondary" href={csvHref(filter)} download>
          <FormattedMessage id="audit.explorer.csv" />
        </a>
      </div>
      <p className="audit-hint">
        <FormattedMessage id="audit.explorer.audited" />
      </p>
    </Form>
  );
}

/** The filters naming who acted: plain text fields, in this order. */
const WHO_ACTED = [
  ['agencyId', 'audit.explorer.agency'],
  ['clientId', 'audit.explorer.client'],
  ['personName', 'audit.explorer.person'],
] as const;

function FilterFields({
  draft,
  set,
}: {
  draft: Draft;
  set: (name: keyof Draft) => (value: string) => void;
}) {
  const intl = useIntl();
  return (
    <>
      {WHO_ACTED.map(([name, label]) => (
        <TextInput
          key={name}
          className="field"
          value={draft[name]}
          onChange={set(name)}
          label={<FormattedMessage id={label} />}
        />
      ))}
      <TextInput
        className="field"
        value={draft.nationalId}
        onChange={set('nationalId')}
        label={<FormattedMessage id="audit.explorer.citizen" />}
        input={<Input inputMode="numeric" autoComplete="off" className="national-id" />}
      />
      <SelectField
        id="audit-kind"
        label={intl.formatMessage({ id: 'audit.explorer.kind' })}
        value={draft.kind}
        onChange={set('kind')}
        options={[
          { value: '', label: intl.formatMessage({ id: 'audit.explorer.any' }) },
          ...AUDIT_KINDS.map((kind) => ({
            value: kind,
            label: `${intl.formatMessage({ id: `audit.kind.${kind}` })} (${kind})`,
          })),
        ]}
      />
      <SelectField
        id="audit-outcome"
        label={intl.formatMessage({ id: 'audit.explorer.outcome' })}
        value={draft.outcome}
        onChange={set('outcome')}
        options={[
          { value: '', label: intl.formatMessage({ id: 'audit.explorer.any' }) },
          ...OUTCOMES.map((outcome) => ({
            value: outcome,
            label: intl.formatMessage({ id: `audit.outcome.${outcome}` }),
          })),
        ]}
      />
      <TextInput
        className="field"
        value={draft.from}
        onChange={set('from')}
        label={<FormattedMessage id="audit.explorer.from" />}
        input={<Input type="date" />}
      />
      <TextInput
        className="field"
        value={draft.to}
        onChange={set('to')}
        label={<FormattedMessage id="audit.explorer.to" />}
        input={<Input type="date" />}
      />
    </>
  );
}

function EntriesTable({ entries, page, busy }: { entries: Entry[]; page: number; busy: boolean }) {
  return (
    <Table
      className="audit-table"
      scroll="audit-scroll"
      busy={busy}
      caption={
        <FormattedMessage id="audit.explorer.caption" values={{ page, count: entries.length }} />
      }
      columns={[
        'audit.explorer.seq',
        'audit.explorer.when',
        'audit.explorer.who',
        'audit.explorer.what',
        'audit.explorer.subject',
        'audit.explorer.purpose',
        'audit.explorer.outcome',
        'audit.explorer.hash',
      ]}
    >
      {entries.map((entry) => (
        <EntryRow key={entry.seq} entry={entry} />
      ))}
    </Table>
  );
}

function EntryRow({ entry }: { entry: Entry }) {
  return (
    <tr data-seq={entry.seq}>
      <th scope="row">{entry.seq}</th>
      <td>
        <When at={entry.at} />
      </td>
      <td>
        {entry.person ? (
          <>
            <span className="audit-person">{entry.person.name}</span>
            <br />
            <FormattedMessage
              id="audit.explorer.via"
              values={{ client: entry.clientId, agency: entry.agencyId }}
            />
          </>
        ) : (
          <FormattedMessage
            id="audit.explorer.system"
            values={{ client: entry.clientId, agency: entry.agencyId }}
          />
        )}
      </td>
      <td>
        <Kind kind={entry.kind} />
      </td>
      <td className="national-id">{entry.subjectId ?? '—'}</td>
      <td>{entry.purpose ?? '—'}</td>
      <td>
        <span className={`audit-outcome audit-outcome-${entry.outcome}`}>
          <FormattedMessage id={`audit.outcome.${entry.outcome}`} />
        </span>
      </td>
      <td>
        <details className="audit-details">
          <summary>
            <code>{shortHash(entry.hash)}</code>
            <span className="visually-hidden">
              {' '}
              <FormattedMessage id="audit.explorer.detailsOf" values={{ seq: entry.seq }} />
            </span>
          </summary>
          <p>
            <code className="details">{entry.hash}</code>
          </p>
          <code className="details">{entry.details}</code>
        </details>
      </td>
    </tr>
  );
}

function Pager({ pages, nextCursor }: { pages: EntryPages; nextCursor: string | null }) {
  const intl = useIntl();
  return (
    <nav className="audit-pager" aria-label={intl.formatMessage({ id: 'audit.explorer.pages' })}>
      <Button
        className="button secondary"
        isDisabled={pages.pageIndex === 0}
        onPress={pages.previous}
      >
        <FormattedMessage id="audit.explorer.previous" />
      </Button>
      <span>
        <FormattedMessage id="audit.explorer.pageNumber" values={{ page: pages.shownIndex + 1 }} />
      </span>
      <Button
        className="button secondary"
        isDisabled={!nextCursor || pages.entries.isFetching}
        onPress={() => pages.next(nextCursor ?? null)}
      >
        <FormattedMessage id="audit.explorer.next" />
      </Button>
    </nav>
  );
}
