// The steward's inbox: everything waiting for a decision — adapters and their
// changes, signing keys, schema versions — each beside what is approved now,
// decided here with a reason through the change dialog.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Input } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { requestAll } from '../../api/graphql';
import {
  AdaptersInboxDocument as INBOX,
  AdaptersApproveKeyDocument as APPROVE_KEY,
  AdaptersRefuseKeyDocument as REFUSE_KEY,
  SchemasApproveDocument as APPROVE_SCHEMA,
  SchemasRejectDocument as REJECT_SCHEMA,
} from '../../gql/graphql';
import {
  AdaptersApproveAdapterDocument as APPROVE_ADAPTER,
  AdaptersRejectAdapterDocument as REJECT_ADAPTER,
} from '../../gql/graphql';
import { TextInput } from '../../ui/fields';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import {
  type AdapterShape,
  AskedBesideApproved,
  KeyList,
  KeyUntil,
  schemasHref,
  StateBadge,
  waitsForDecision,
  When,
} from './parts';
import './adapters.css';

/**
 * What waits for a decision: adapters, keys and schema versions. What was
 * decided here stays on screen, in its new state, until the page is left.
 */
function useWaiting() {
  const inbox = useQuery({ queryKey: ['adapters', 'inbox'], queryFn: () => requestAll(INBOX) });
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const mark = (id: string) => setDecided((before) => new Set(before).add(id));
  const data = inbox.data;
  const adapters =
    data?.adapters.filter(
      (adapter) => waitsForDecision(adapter) || decided.has(`adapter:${adapter.name}`),
    ) ?? [];
  const keys =
    data?.adapterKeys.filter(
      (key) => key.state === 'proposed' || decided.has(`key:${key.keyId}`),
    ) ?? [];
  const proposals =
    data?.schemas.flatMap((type) =>
      type.versions
        .filter(
          (version) =>
            version.state === 'proposed' ||
            decided.has(`schema:${type.recordType}@${version.version}`),
        )
        .map((version) => ({
          ...version,
          recordType: type.recordType,
          compatibility: type.compatibility,
          active: type.versions
            .filter((other) => other.state === 'active')
            .map((other) => other.version),
        })),
    ) ?? [];
  return { inbox, data, adapters, keys, proposals, mark };
}

export default function InboxPage() {
  const { inbox, data, adapters, keys, proposals, mark } = useWaiting();
  return (
    <Page
      title={<FormattedMessage id="adapters.inbox.title" />}
      lead={<FormattedMessage id="adapters.inbox.lead" />}
    >
      <ErrorBox error={inbox.error} />
      {inbox.isPending ? (
        <p>
          <FormattedMessage id="app.loading" />
        </p>
      ) : null}
      {data && adapters.length + keys.length + proposals.length === 0 ? (
        <p className="notice">
          <FormattedMessage id="adapters.inbox.empty" />
        </p>
      ) : null}
      {adapters.length > 0 ? (
        <section aria-labelledby="inbox-adapters">
          <h2 id="inbox-adapters">
            <FormattedMessage id="adapters.inbox.adapters" values={{ count: adapters.length }} />
          </h2>
          {adapters.map((adapter) => (
            <AdapterRequest
              key={adapter.name}
              adapter={adapter}
              onAct={() => mark(`adapter:${adapter.name}`)}
            />
          ))}
        </section>
      ) : null}
      {keys.length > 0 ? (
        <section aria-labelledby="inbox-keys">
          <h2 id="inbox-keys">
            <FormattedMessage id="adapters.inbox.keys" values={{ count: keys.length }} />
          </h2>
          {keys.map((key) => (
            <KeyRequest
              key={key.keyId}
              proposed={key}
              onAct={() => mark(`key:${key.keyId}`)}
              approvedNow={data!.adapterKeys.filter(
                (other) => other.adapter === key.adapter && other.state === 'approved',
              )}
            />
          ))}
        </section>
      ) : null}
      {proposals.length > 0 ? (
        <section aria-labelledby="inbox-schemas">
          <h2 id="inbox-schemas">
            <FormattedMessage id="adapters.inbox.schemas" values={{ count: proposals.length }} />
          </h2>
          {proposals.map((proposal) => (
            <SchemaRequest
              key={`${proposal.recordType}@${proposal.version}`}
              proposal={proposal}
              onAct={() => mark(`schema:${proposal.recordType}@${proposal.version}`)}
            />
          ))}
        </section>
      ) : null}
    </Page>
  );
}

function AdapterRequest({ adapter, onAct }: { adapter: AdapterShape; onAct: () => void }) {
  // A change to an approved adapter makes it pending too: new is what has nothing approved yet.
  const isNew = ![...adapter.publishes, ...adapter.consumes].some((entry) => entry.approved);
  const open = waitsForDecision(adapter);
  return (
    <article className="card" aria-labelledby={`inbox-adapter-${adapter.name}`}>
      <h3 id={`inbox-adapter-${adapter.name}`}>
        {adapter.title} <code>{adapter.name}</code>
      </h3>
      <p>
        <StateBadge state={adapter.state} />{' '}
        <FormattedMessage
          id={isNew ? 'adapters.inbox.newAdapter' : 'adapters.inbox.changedAdapter'}
          values={{ agency: adapter.agencyId, by: adapter.registeredBy }}
        />{' '}
        <When at={adapter.registeredAt} />
      </p>
      <AskedBesideApproved
        adapter={adapter}
        caption={<FormattedMessage id="adapters.inbox.compare" values={{ name: adapter.name }} />}
      />
      <div className="actions">
        <ChangeDialog
          isDisabled={!open}
          label={<FormattedMessage id="adapters.approve" />}
          title={<FormattedMessage id="adapters.approveTitle" values={{ name: adapter.name }} />}
          run={(reason) => {
            onAct();
            return requestAll(APPROVE_ADAPTER, { name: adapter.name, reason });
          }}
        >
          <AskedBesideApproved
            adapter={adapter}
            caption={
              <FormattedMessage id="adapters.inbox.compare" values={{ name: adapter.name }} />
            }
          />
        </ChangeDialog>
        <ChangeDialog
          isDisabled={!open}
          variant="danger"
          label={<FormattedMessage id="adapters.reject" />}
          title={<FormattedMessage id="adapters.rejectTitle" values={{ name: adapter.name }} />}
          run={(reason) => {
            onAct();
            return requestAll(REJECT_ADAPTER, { name: adapter.name, reason });
          }}
        >
          <p>
            <FormattedMessage id={isNew ? 'adapters.rejectNew' : 'adapters.rejectChange'} />
          </p>
        </ChangeDialog>
      </div>
    </article>
  );
}

interface KeyShape {
  keyId: string;
  adapter: string;
  state: string;
  proposedAt: string;
  proposedBy: string;
  notAfter?: string | null;
}

function KeyRequest({
  proposed,
  approvedNow,
  onAct,
}: {
  proposed: KeyShape;
  approvedNow: KeyShape[];
  onAct: () => void;
}) {
  const [overlap, setOverlap] = useState('24');
  const hours = Number(overlap);
  return (
    <article className="card" aria-labelledby={`inbox-key-${proposed.keyId}`}>
      <h3 id={`inbox-key-${proposed.keyId}`}>
        <FormattedMessage id="adapters.inbox.keyOf" values={{ adapter: proposed.adapter }} />{' '}
        <StateBadge state={proposed.state} />
      </h3>
      <KeyFacts proposed={proposed} approvedNow={approvedNow} />
      <div className="actions">
        <ChangeDialog
          label={<FormattedMessage id="adapters.approve" />}
          title={
            <FormattedMessage
              id="adapters.approveKeyTitle"
              values={{ adapter: proposed.adapter }}
            />
          }
          isDisabled={proposed.state !== 'proposed'}
          run={(reason) => {
            onAct();
            return requestAll(APPROVE_KEY, {
              keyId: proposed.keyId,
              reason,
              overlapHours: Number.isFinite(hours) && overlap.trim() !== '' ? hours : null,
            });
          }}
        >
          <TextInput
            className="field"
            value={overlap}
            onChange={setOverlap}
            name="overlapHours"
            label={<FormattedMessage id="adapters.overlapHours" />}
            input={<Input inputMode="decimal" />}
          />
        </ChangeDialog>
        <ChangeDialog
          variant="danger"
          label={<FormattedMessage id="adapters.reject" />}
          title={
            <FormattedMessage id="adapters.refuseKeyTitle" values={{ adapter: proposed.adapter }} />
          }
          isDisabled={proposed.state !== 'proposed'}
          run={(reason) => {
            onAct();
            return requestAll(REFUSE_KEY, { keyId: proposed.keyId, reason });
          }}
        >
          <p>
            <FormattedMessage id="adapters.refuseKeyHelp" />
          </p>
        </ChangeDialog>
      </div>
    </article>
  );
}

/** The proposed key beside the keys approved now. */
function KeyFacts({ proposed, approvedNow }: { proposed: KeyShape; approvedNow: KeyShape[] }) {
  return (
    <dl className="facts">
      <dt>
        <FormattedMessage id="adapters.inbox.proposedKey" />
      </dt>
      <dd>
        <code className="key-id">{proposed.keyId}</code>{' '}
        <FormattedMessage id="adapters.by" values={{ who: proposed.proposedBy }} />{' '}
        <When at={proposed.proposedAt} />
      </dd>
      <dt>
        <FormattedMessage id="adapters.approvedNow" />
      </dt>
      <dd>
        <KeyList
          keys={approvedNow}
          className="record-types"
          about={(key) => <KeyUntil notAfter={key.notAfter} />}
        />
      </dd>
    </dl>
  );
}

interface ProposalShape {
  recordType: string;
  version: number;
  state: string;
  compatibility: string;
  proposedAt: string;
  proposedBy: string;
  proposalReason: string;
  active: number[];
}

function SchemaRequest({ proposal, onAct }: { proposal: ProposalShape; onAct: () => void }) {
  const target = { recordType: proposal.recordType, version: proposal.version };
  return (
    <article
      className="card"
      aria-labelledby={`inbox-schema-${proposal.recordType}-${proposal.version}`}
    >
      <h3 id={`inbox-schema-${proposal.recordType}-${proposal.version}`}>
        <code>{proposal.recordType}</code>{' '}
        <FormattedMessage id="adapters.version" values={{ version: proposal.version }} />{' '}
        <StateBadge state={proposal.state} />
      </h3>
      <dl className="facts">
        <dt>
          <FormattedMessage id="adapters.inbox.proposed" />
        </dt>
        <dd>
          <FormattedMessage id="adapters.version" values={{ version: proposal.version }} />{' '}
          <FormattedMessage id="adapters.by" values={{ who: proposal.proposedBy }} />{' '}
          <When at={proposal.proposedAt} />
          <br />
          <q>{proposal.proposalReason}</q>
        </dd>
        <dt>
          <FormattedMessage id="adapters.approvedNow" />
        </dt>
        <dd>
          {proposal.active.length === 0 ? (
            <FormattedMessage id="adapters.none" />
          ) : (
            proposal.active.map((version) => (
              <span key={version} className="version-chip">
                <FormattedMessage id="adapters.version" values={{ version }} />
              </span>
            ))
          )}{' '}
          <FormattedMessage id="adapters.inbox.mode" values={{ mode: proposal.compatibility }} />
        </dd>
      </dl>
      <p>
        <a href={schemasHref(proposal.recordType)}>
          <FormattedMessage
            id="adapters.inbox.compareSchemas"
            values={{ type: proposal.recordType }}
          />
        </a>
      </p>
      <div className="actions">
        <ChangeDialog
          label={<FormattedMessage id="adapters.approve" />}
          title={<FormattedMessage id="adapters.approveSchemaTitle" values={target} />}
          isDisabled={proposal.state !== 'proposed'}
          run={(reason) => {
            onAct();
            return requestAll(APPROVE_SCHEMA, { ...target, reason });
          }}
        />
        <ChangeDialog
          variant="danger"
          label={<FormattedMessage id="adapters.reject" />}
          title={<FormattedMessage id="adapters.rejectSchemaTitle" values={target} />}
          isDisabled={proposal.state !== 'proposed'}
          run={(reason) => {
            onAct();
            return requestAll(REJECT_SCHEMA, { ...target, reason });
          }}
        />
      </div>
    </article>
  );
}
