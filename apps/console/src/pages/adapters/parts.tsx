// Small pieces the adapter pages share: record types as a person reads them,
// an adapter's state, its lag in messages and seconds, dates, and the
// "asked for beside approved now" comparison the steward decides on.
import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { hrefOf } from '../../router';
import { ChangeDialog, type ChangeDialogProps } from '../../ui/ChangeDialog';

export interface RecordTypeEntry {
  recordType: string;
  schemaVersion?: number | null;
  approved: boolean;
}

export interface AdapterShape {
  name: string;
  title: string;
  agencyId: string;
  state: string;
  registeredAt: string;
  registeredBy: string;
  decidedAt?: string | null;
  decidedBy?: string | null;
  decisionReason?: string | null;
  publishes: RecordTypeEntry[];
  consumes: RecordTypeEntry[];
}

export interface LagShape {
  group: string;
  messages?: number | null;
  seconds?: number | null;
  error?: string | null;
}

/** Whether a steward has something to decide on this adapter. */
export function waitsForDecision(adapter: AdapterShape): boolean {
  if (adapter.state === 'pending') return true;
  if (adapter.state === 'rejected') return false;
  return [...adapter.publishes, ...adapter.consumes].some((entry) => !entry.approved);
}

export function RecordTypeName({
  entry,
}: {
  entry: { recordType: string; schemaVersion?: number | null };
}) {
  return (
    <>
      <code>{entry.recordType}</code>{' '}
      {entry.schemaVersion == null ? (
        <FormattedMessage id="adapters.anyVersion" />
      ) : (
        <FormattedMessage id="adapters.version" values={{ version: entry.schemaVersion }} />
      )}
    </>
  );
}

export function RecordTypeList({ entries }: { entries: readonly RecordTypeEntry[] }) {
  if (entries.length === 0)
    return (
      <span className="muted">
        <FormattedMessage id="adapters.none" />
      </span>
    );
  return (
    <ul className="record-types">
      {entries.map((entry) => (
        <li key={`${entry.recordType}@${entry.schemaVersion ?? '*'}`}>
          <RecordTypeName entry={entry} />
          {entry.approved ? null : (
            <span className="badge waiting">
              <FormattedMessage id="adapters.waiting" />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function StateBadge({ state }: { state: string }) {
  const known = ['pending', 'approved', 'rejected', 'suspended', 'proposed', 'revoked', 'active'];
  return (
    <span className={`badge state-${state}`}>
      {known.includes(state) ? <FormattedMessage id={`adapters.state.${state}`} /> : state}
    </span>
  );
}

export function When({ at }: { at?: string | null }) {
  const intl = useIntl();
  if (!at) return null;
  return (
    <time dateTime={at}>{intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
  );
}

interface Decided {
  decidedAt?: string | null;
  decidedBy?: string | null;
  decisionReason?: string | null;
}

/** Who decided, why and when; nothing before a decision. `spaced` when it follows other text. */
export function Decision({ of, spaced }: { of: Decided; spaced?: boolean }) {
  if (!of.decidedAt) return null;
  return (
    <>
      {spaced ? ' ' : null}
      <FormattedMessage
        id="adapters.decision"
        values={{ who: of.decidedBy ?? '?', reason: of.decisionReason ?? '' }}
      />{' '}
      <When at={of.decidedAt} />
    </>
  );
}

/** Until when a signing key is valid, after its id; nothing when it has no end. */
export function KeyUntil({ notAfter }: { notAfter?: string | null }) {
  if (!notAfter) return null;
  return (
    <>
      {' '}
      <FormattedMessage id="adapters.keyUntil" /> <When at={notAfter} />
    </>
  );
}

/** Signing keys as a list, each its id then what `about` tells of it; "none" when there is none. */
export function KeyList<K extends { keyId: string }>({
  keys,
  className,
  about,
}: {
  keys: readonly K[];
  className: string;
  about: (key: K) => ReactNode;
}) {
  if (keys.length === 0) return <FormattedMessage id="adapters.none" />;
  return (
    <ul className={className}>
      {keys.map((key) => (
        <li key={key.keyId}>
          <code className="key-id">{key.keyId}</code>
          {about(key)}
        </li>
      ))}
    </ul>
  );
}

/**
 * One adapter as a card: its title and name, its state with what `state`
 * adds, the other `facts`, then `children` below them.
 */
export function AdapterCard({
  adapter,
  idPrefix,
  state,
  facts,
  children,
}: {
  adapter: { name: string; title: string; state: string };
  idPrefix: string;
  state: ReactNode;
  facts: ReactNode;
  children: ReactNode;
}) {
  const id = `${idPrefix}-${adapter.name}`;
  return (
    <article className="card" aria-labelledby={id}>
      <h2 id={id}>
        {adapter.title} <code>{adapter.name}</code>
      </h2>
      <dl className="facts">
        <dt>
          <FormattedMessage id="adapters.state" />
        </dt>
        <dd>
          <StateBadge state={adapter.state} />
          {state}
        </dd>
        {facts}
      </dl>
      {children}
    </article>
  );
}

/** An adapter's signing keys as entries of a description list: each key's id and state, then what `about` adds. */
export function AdapterKeys<K extends { keyId: string; state: string }>({
  keys,
  about,
}: {
  keys: readonly K[];
  about: (key: K) => ReactNode;
}) {
  return (
    <>
      <dt>
        <FormattedMessage id="adapters.keys" />
      </dt>
      <dd>
        <KeyList
          keys={keys}
          className="keys"
          about={(key) => (
            <>
              {' '}
              <StateBadge state={key.state} />
              {about(key)}
            </>
          )}
        />
      </dd>
    </>
  );
}

/** Lag as both numbers the bus gives: messages behind and seconds the oldest waited. */
/** An adapter's lag and its open dead letters and refused records, as entries of a description list. */
export function LagAndLetters({
  lag,
  adapter,
}: {
  lag?: LagShape;
  adapter: { consumerLag?: number | null; deadLetters: number; refusedRecords: number };
}) {
  return (
    <>
      <dt>
        <FormattedMessage id="adapters.lag" />
      </dt>
      <dd>
        <LagText lag={lag} messages={adapter.consumerLag} />
      </dd>
      <dt>
        <FormattedMessage id="adapters.deadLetters" />
      </dt>
      <dd>
        <FormattedMessage
          id="adapters.deadLettersValue"
          values={{ open: adapter.deadLetters, refused: adapter.refusedRecords }}
        />
      </dd>
    </>
  );
}

export function LagText({ lag, messages }: { lag?: LagShape; messages?: number | null }) {
  const intl = useIntl();
  const behind = lag?.messages ?? messages;
  if (behind == null && lag?.seconds == null)
    return (
      <span className="muted">
        <FormattedMessage id="adapters.lag.unknown" />
      </span>
    );
  return (
    <FormattedMessage
      id="adapters.lag.value"
      values={{
        messages: behind ?? '?',
        seconds:
          lag?.seconds == null ? '?' : intl.formatNumber(lag.seconds, { maximumFractionDigits: 1 }),
      }}
    />
  );
}

/** What an adapter asks for beside what is approved now, per direction. */
export function AskedBesideApproved({
  adapter,
  caption,
}: {
  adapter: AdapterShape;
  caption: ReactNode;
}) {
  const rows: Array<{ id: string; entries: RecordTypeEntry[] }> = [
    { id: 'adapters.publishes', entries: adapter.publishes },
    { id: 'adapters.consumes', entries: adapter.consumes },
  ];
  return (
    <div className="table-wrap">
      <table className="compare">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">
              <FormattedMessage id="adapters.asked" />
            </th>
            <th scope="col">
              <FormattedMessage id="adapters.approvedNow" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <FormattedMessage id={row.id} />
              </th>
              <td>
                <RecordTypeList entries={row.entries.filter((entry) => !entry.approved)} />
              </td>
              <td>
                <RecordTypeList entries={row.entries.filter((entry) => entry.approved)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The schemas page another part of the console provides, opened on one record type. */
export function schemasHref(recordType: string): string {
  const base = hrefOf('schemas');
  return `${base}${base.includes('?') ? '&' : '?'}type=${encodeURIComponent(recordType)}`;
}

/**
 * A change offered only while it applies (approve a pending adapter, say).
 * Once the person started it, it stays mounted, disabled, after the change
 * made it inapplicable: its dialog must live on to show the audit entry.
 */
export function Action({ when, ...props }: ChangeDialogProps & { when: boolean }) {
  const [acted, setActed] = useState(false);
  if (!when && !acted) return null;
  return (
    <ChangeDialog
      {...props}
      isDisabled={!when}
      run={(reason) => {
        setActed(true);
        return props.run(reason);
      }}
    />
  );
}
