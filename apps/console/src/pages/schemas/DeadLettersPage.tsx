// Dead letters: what consumers could not apply, counted by the server by
// consumer, source, record type and reason (exact however many there are);
// filtered; the newest listed with each letter's reason; and replayed once the
// cause is fixed — the replay first says how many letters it will take (the
// server's count of the selection's open letters), then asks for a reason.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { currentSession } from '../../api/session';
import {
  SchemasDeadLetterCountsDocument as COUNTS,
  SchemasDeadLettersDocument as LETTERS,
  SchemasReplayDeadLettersDocument as REPLAY,
} from '../../gql/graphql';
import type { SchemasDeadLetterCountsQuery, SchemasDeadLettersQuery } from '../../gql/graphql';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { SelectField } from '../../ui/fields';
import './schemas.css';

interface Filter {
  group: string;
  recordType: string;
  code: string;
  source: string;
}
const FILTERS: Array<keyof Filter> = ['group', 'source', 'recordType', 'code'];
const NO_FILTER: Filter = { group: '', recordType: '', code: '', source: '' };

/** The filter as GraphQL variables: an unset one is left out. */
function variablesOf(filter: Filter) {
  return {
    group: filter.group || undefined,
    recordType: filter.recordType || undefined,
    code: filter.code || undefined,
    source: filter.source || undefined,
  };
}

/** While a replay is pending, watch the consumers settle it: every 1 s. */
const WATCH_MS = 1000;

type Letter = SchemasDeadLettersQuery['deadLetters'][number];
type Counts = SchemasDeadLetterCountsQuery['deadLetterCounts'];
/** Each filter's column in the server's counts. */
const BREAKDOWN = {
  group: 'byGroup',
  source: 'bySource',
  recordType: 'byRecordType',
  code: 'byCode',
} as const satisfies Record<keyof Filter, keyof Counts>;

/**
 * The server's counts of every letter of the status (the summary and the
 * filters' choices) and of those the filter selects, and the newest of the
 * selected letters (a page of at most 1,000) to list.
 */
function useDeadLetters(status: string, filter: Filter) {
  const [pending, setPending] = useState(false);
  const watch = pending ? WATCH_MS : false;
  const all = useQuery({
    queryKey: ['schemas', 'deadLetters', 'counts', status],
    queryFn: () => requestAll(COUNTS, { status }),
    refetchInterval: watch,
  });
  // With no filter, the selection is every letter: the counts above already say.
  const filtered = Object.values(variablesOf(filter)).some((value) => value !== undefined);
  const selectedByFilter = useQuery({
    queryKey: ['schemas', 'deadLetters', 'counts', status, filter],
    queryFn: () => requestAll(COUNTS, { status, ...variablesOf(filter) }),
    refetchInterval: watch,
    enabled: filtered,
  });
  const selected = filtered ? selectedByFilter : all;
  const shown = useQuery({
    queryKey: ['schemas', 'deadLetters', status, filter],
    queryFn: () => requestAll(LETTERS, { status, ...variablesOf(filter) }),
    refetchInterval: watch,
  });
  const replaying = shown.data?.deadLetters.some((letter) => letter.replayRequestedAt) ?? false;
  if (replaying !== pending) setPending(replaying);
  return { all, selected, shown };
}

export default function DeadLettersPage() {
  const [status, setStatus] = useState('open');
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const { all, selected, shown } = useDeadLetters(status, filter);
  const letters = shown.data?.deadLetters ?? [];
  const total = selected.data?.deadLetterCounts.total ?? letters.length;
  return (
    <Page
      title={<FormattedMessage id="schemas.dead.title" />}
      lead={
        <FormattedMessage
          id={
            currentSession()?.role === 'integrator'
              ? 'schemas.dead.lead.integrator'
              : 'schemas.dead.lead'
          }
        />
      }
    >
      <ErrorBox error={all.error} />
      <LetterCounts counts={all.data?.deadLetterCounts} />
      <LetterFilters
        status={status}
        onStatus={(value) => {
          setStatus(value);
          setFilter(NO_FILTER);
        }}
        filter={filter}
        onFilter={setFilter}
        counts={all.data?.deadLetterCounts}
      />
      {status === 'open' ? (
        <Replay filter={filter} selected={selected.data?.deadLetterCounts} error={selected.error} />
      ) : null}
      <ErrorBox error={shown.error} />
      {shown.data ? (
        letters.length === 0 ? (
          <p role="status">
            <FormattedMessage id="schemas.dead.none" />
          </p>
        ) : (
          <>
            {letters.length < total ? (
              <p role="status">
                <FormattedMessage
                  id="schemas.dead.newest"
                  values={{ shown: letters.length, total }}
                />
              </p>
            ) : null}
            <LettersTable letters={letters} total={total} />
          </>
        )
      ) : null}
    </Page>
  );
}

function LetterCounts({ counts }: { counts: Counts | undefined }) {
  const total = counts?.total ?? 0;
  return (
    <section className="schemas-section">
      <h2>
        <FormattedMessage id="schemas.dead.counts" values={{ total }} />
      </h2>
      {counts && total > 0 ? (
        <div className="count-grid">
          {FILTERS.map((key) => (
            <Table
              key={key}
              caption={<FormattedMessage id={`schemas.dead.by.${key}`} />}
              columns={[`schemas.dead.col.${key}`, 'schemas.dead.col.count']}
            >
              {counts[BREAKDOWN[key]].map(({ value, count }) => (
                <tr key={value ?? ''}>
                  <th scope="row">{value ?? '—'}</th>
                  <td>{count}</td>
                </tr>
              ))}
            </Table>
          ))}
        </div>
      ) : null}
    </section>
  );
}

function LetterFilters({
  status,
  onStatus,
  filter,
  onFilter,
  counts,
}: {
  status: string;
  onStatus: (status: string) => void;
  filter: Filter;
  onFilter: (filter: Filter) => void;
  counts: Counts | undefined;
}) {
  const intl = useIntl();
  const any = intl.formatMessage({ id: 'schemas.dead.any' });
  return (
    <section className="schemas-section">
      <h2>
        <FormattedMessage id="schemas.dead.filters" />
      </h2>
      <div className="inline-form">
        <SelectField
          label={<FormattedMessage id="schemas.dead.status" />}
          name="status"
          value={status}
          onChange={onStatus}
          options={['open', 'resolved'].map((value) => ({
            value,
            label: intl.formatMessage({ id: `schemas.dead.status.${value}` }),
          }))}
        />
        {FILTERS.map((key) => (
          <SelectField
            key={key}
            label={<FormattedMessage id={`schemas.dead.col.${key}`} />}
            name={key}
            value={filter[key]}
            onChange={(value) => onFilter({ ...filter, [key]: value })}
            options={[
              { value: '', label: any },
              ...(counts?.[BREAKDOWN[key]] ?? [])
                .flatMap(({ value }) => (value === null ? [] : [value]))
                .map((value) => ({ value, label: value })),
            ]}
          />
        ))}
      </div>
    </section>
  );
}

function LettersTable({ letters, total }: { letters: Letter[]; total: number }) {
  return (
    <Table
      className="dead-letters"
      caption={<FormattedMessage id="schemas.dead.caption" values={{ count: total }} />}
      columns={[
        'schemas.dead.col.record',
        'schemas.dead.col.group',
        'schemas.dead.col.code',
        'schemas.dead.col.reason',
        'schemas.dead.col.attempts',
      ]}
    >
      {letters.map((letter) => (
        <LetterRow key={letter.id} letter={letter} />
      ))}
    </Table>
  );
}

function LetterRow({ letter }: { letter: Letter }) {
  const intl = useIntl();
  return (
    <tr>
      <th scope="row">
        {letter.recordType}
        {letter.schemaVersion != null ? `@${letter.schemaVersion}` : ''}
        <br />
        <code>{letter.recordId ?? '—'}</code>
        <br />
        <span className="muted">{letter.source ?? '—'}</span>
      </th>
      <td>{letter.group}</td>
      <td>
        <strong>{letter.code}</strong>
      </td>
      <td className="reason">
        {letter.reason}
        {letter.replayRequestedAt ? (
          <>
            <br />
            <em>
              <FormattedMessage id="schemas.dead.replaying" />
            </em>
          </>
        ) : null}
      </td>
      <td>
        {letter.attempts}
        <br />
        <span className="muted">
          {intl.formatDate(letter.lastFailedAt, { dateStyle: 'short', timeStyle: 'short' })}
        </span>
      </td>
    </tr>
  );
}

/**
 * How many the selection would replay — the server's count of its open
 * letters, which is exactly what the replay marks — then the replay.
 */
function Replay({
  filter,
  selected,
  error,
}: {
  filter: Filter;
  selected: Counts | undefined;
  error: unknown;
}) {
  const variables = variablesOf(filter);
  const chosen = Object.values(variables).some((value) => value !== undefined);
  const would = selected
    ? {
        requested: selected.total,
        groups: selected.byGroup
          .flatMap(({ value }) => (value === null ? [] : [value]))
          .sort()
          .join(', '),
      }
    : undefined;
  return (
    <section className="schemas-section">
      <h2>
        <FormattedMessage id="schemas.dead.replay" />
      </h2>
      {!chosen ? (
        <p>
          <FormattedMessage id="schemas.dead.replay.choose" />
        </p>
      ) : null}
      {chosen ? <ErrorBox error={error} /> : null}
      {chosen && would ? (
        <>
          <p role="status" className="replay-count">
            <FormattedMessage
              id="schemas.dead.replay.count"
              values={{ count: would.requested, groups: would.groups || '—' }}
            />
          </p>
          <ChangeDialog
            isDisabled={would.requested === 0}
            label={
              <FormattedMessage
                id="schemas.dead.replay.button"
                values={{ count: would.requested }}
              />
            }
            title={
              <FormattedMessage
                id="schemas.dead.replay.title"
                values={{ count: would.requested }}
              />
            }
            run={(reason) => requestAll(REPLAY, { ...variables, reason, dryRun: false })}
            done={(result) => (
              <p>
                <FormattedMessage
                  id="schemas.dead.replay.done"
                  values={{
                    count: (result as { replayDeadLetters: { requested: number } })
                      .replayDeadLetters.requested,
                  }}
                />
              </p>
            )}
          >
            <p>
              <FormattedMessage
                id="schemas.dead.replay.count"
                values={{ count: would.requested, groups: would.groups || '—' }}
              />
            </p>
          </ChangeDialog>
        </>
      ) : null}
    </section>
  );
}
