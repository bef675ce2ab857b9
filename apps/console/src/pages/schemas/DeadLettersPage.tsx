// Dead letters: what consumers could not apply, counted by consumer, source,
// record type and reason; filtered; listed with each letter's reason; and
// replayed once the cause is fixed — the replay first says how many letters
// it will take (a dry count), then asks for a reason.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import {
  SchemasDeadLettersDocument as LETTERS,
  SchemasReplayDeadLettersDocument as REPLAY,
} from '../../gql/graphql';
import type { SchemasDeadLettersQuery } from '../../gql/graphql';
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

/** While a replay is pending, watch the consumers settle it. */
function whilePending(query: {
  state: { data?: { deadLetters: Array<{ replayRequestedAt?: string | null }> } };
}): number | false {
  return query.state.data?.deadLetters.some((letter) => letter.replayRequestedAt) ? 1000 : false;
}

type Letter = SchemasDeadLettersQuery['deadLetters'][number];
type Counts = Map<keyof Filter, Map<string, number>>;

/** Every letter of the status (for the counts and the filters' choices), and those the filter shows. */
function useDeadLetters(status: string, filter: Filter) {
  const all = useQuery({
    queryKey: ['schemas', 'deadLetters', status],
    queryFn: () => requestAll(LETTERS, { status }),
    refetchInterval: whilePending,
  });
  const shown = useQuery({
    queryKey: ['schemas', 'deadLetters', status, filter],
    queryFn: () => requestAll(LETTERS, { status, ...variablesOf(filter) }),
    refetchInterval: whilePending,
  });
  const counts = useMemo((): Counts => {
    const result: Counts = new Map();
    for (const key of FILTERS) result.set(key, new Map());
    for (const letter of all.data?.deadLetters ?? [])
      for (const key of FILTERS) {
        const value = letter[key] ?? '';
        const map = result.get(key)!;
        map.set(value, (map.get(value) ?? 0) + 1);
      }
    return result;
  }, [all.data]);
  return { all, shown, counts };
}

export default function DeadLettersPage() {
  const [status, setStatus] = useState('open');
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const { all, shown, counts } = useDeadLetters(status, filter);
  const letters = shown.data?.deadLetters ?? [];
  return (
    <Page
      title={<FormattedMessage id="schemas.dead.title" />}
      lead={<FormattedMessage id="schemas.dead.lead" />}
    >
      <ErrorBox error={all.error} />
      <LetterCounts total={all.data?.deadLetters.length ?? 0} counts={counts} />
      <LetterFilters
        status={status}
        onStatus={(value) => {
          setStatus(value);
          setFilter(NO_FILTER);
        }}
        filter={filter}
        onFilter={setFilter}
        counts={counts}
      />
      {status === 'open' ? <Replay filter={filter} /> : null}
      <ErrorBox error={shown.error} />
      {shown.data ? (
        letters.length === 0 ? (
          <p role="status">
            <FormattedMessage id="schemas.dead.none" />
          </p>
        ) : (
          <LettersTable letters={letters} />
        )
      ) : null}
    </Page>
  );
}

function LetterCounts({ total, counts }: { total: number; counts: Counts }) {
  return (
    <section className="schemas-section">
      <h2>
        <FormattedMessage id="schemas.dead.counts" values={{ total }} />
      </h2>
      {total > 0 ? (
        <div className="count-grid">
          {FILTERS.map((key) => (
            <Table
              key={key}
              caption={<FormattedMessage id={`schemas.dead.by.${key}`} />}
              columns={[`schemas.dead.col.${key}`, 'schemas.dead.col.count']}
            >
              {[...(counts.get(key) ?? new Map<string, number>()).entries()].map(
                ([value, count]) => (
                  <tr key={value}>
                    <th scope="row">{value || '—'}</th>
                    <td>{count}</td>
                  </tr>
                ),
              )}
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
  counts: Counts;
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
              ...[...(counts.get(key)?.keys() ?? [])]
                .filter((value) => value !== '')
                .map((value) => ({ value, label: value })),
            ]}
          />
        ))}
      </div>
    </section>
  );
}

function LettersTable({ letters }: { letters: Letter[] }) {
  return (
    <Table
      className="dead-letters"
      caption={<FormattedMessage id="schemas.dead.caption" values={{ count: letters.length }} />}
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

/** How many the selection would replay (asked of the gateway, nothing marked), then the replay. */
function Replay({ filter }: { filter: Filter }) {
  const variables = variablesOf(filter);
  const chosen = Object.values(variables).some((value) => value !== undefined);
  const count = useQuery({
    queryKey: ['schemas', 'replayCount', filter],
    queryFn: () => requestAll(REPLAY, { ...variables, dryRun: true }),
    enabled: chosen,
  });
  const would = count.data?.replayDeadLetters;
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
      <ErrorBox error={count.error} />
      {chosen && would ? (
        <>
          <p role="status" className="replay-count">
            <FormattedMessage
              id="schemas.dead.replay.count"
              values={{ count: would.requested, groups: would.groups.join(', ') || '—' }}
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
                values={{ count: would.requested, groups: would.groups.join(', ') || '—' }}
              />
            </p>
          </ChangeDialog>
        </>
      ) : null}
    </section>
  );
}
