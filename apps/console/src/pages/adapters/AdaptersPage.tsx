// Every adapter, for the steward: state, what it publishes and consumes, how
// far behind it is (messages and seconds), its dead letters and signing keys;
// suspend, approve, reject and revoke a key, each with a reason.
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { requestAll } from '../../api/graphql';
import {
  AdaptersDirectoryDocument as DIRECTORY,
  AdaptersSuspendAdapterDocument as SUSPEND,
  AdaptersRevokeKeyDocument as REVOKE_KEY,
} from '../../gql/graphql';
import {
  AdaptersApproveAdapterDocument as APPROVE_ADAPTER,
  AdaptersRejectAdapterDocument as REJECT_ADAPTER,
} from '../../gql/graphql';
import type { AdaptersDirectoryQuery } from '../../gql/graphql';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import {
  Action,
  AdapterCard,
  AdapterKeys,
  AskedBesideApproved,
  Decision,
  KeyUntil,
  LagAndLetters,
  RecordTypeList,
  waitsForDecision,
} from './parts';
import './adapters.css';

type Directory = AdaptersDirectoryQuery;
type Adapter = Directory['adapters'][number];

export default function AdaptersPage() {
  const directory = useQuery({
    queryKey: ['adapters', 'directory'],
    queryFn: () => requestAll(DIRECTORY),
  });
  const data = directory.data;
  return (
    <Page
      title={<FormattedMessage id="adapters.list.title" />}
      lead={<FormattedMessage id="adapters.list.lead" />}
    >
      <ErrorBox error={directory.error} />
      {data?.adapters.length === 0 ? (
        <p>
          <FormattedMessage id="adapters.list.empty" />
        </p>
      ) : null}
      {data?.adapters.map((adapter) => (
        <DirectoryCard
          key={adapter.name}
          adapter={adapter}
          lag={data.consumerLag.find((group) => group.group === adapter.name)}
          keys={data.adapterKeys.filter((key) => key.adapter === adapter.name)}
        />
      ))}
    </Page>
  );
}

function DirectoryCard({
  adapter,
  lag,
  keys,
}: {
  adapter: Adapter;
  lag: Directory['consumerLag'][number] | undefined;
  keys: Directory['adapterKeys'];
}) {
  return (
    <AdapterCard
      adapter={adapter}
      idPrefix="adapter"
      state={<Decision of={adapter} spaced />}
      facts={
        <>
          <dt>
            <FormattedMessage id="adapters.agency" />
          </dt>
          <dd>{adapter.agencyId}</dd>
          <dt>
            <FormattedMessage id="adapters.publishes" />
          </dt>
          <dd>
            <RecordTypeList entries={adapter.publishes} />
          </dd>
          <dt>
            <FormattedMessage id="adapters.consumes" />
          </dt>
          <dd>
            <RecordTypeList entries={adapter.consumes} />
          </dd>
          <LagAndLetters lag={lag} adapter={adapter} />
          <AdapterKeys
            keys={keys}
            about={(key) => <RevokeKey adapter={adapter.name} signingKey={key} />}
          />
        </>
      }
    >
      <AdapterActions adapter={adapter} />
    </AdapterCard>
  );
}

/** A signing key's end, and its revocation while it is not revoked. */
function RevokeKey({
  adapter,
  signingKey,
}: {
  adapter: string;
  signingKey: Directory['adapterKeys'][number];
}) {
  return (
    <>
      <KeyUntil notAfter={signingKey.notAfter} />
      <Action
        when={signingKey.state !== 'revoked'}
        variant="danger"
        label={<FormattedMessage id="adapters.revokeKey" />}
        title={<FormattedMessage id="adapters.revokeKeyTitle" values={{ adapter }} />}
        run={(reason) => requestAll(REVOKE_KEY, { keyId: signingKey.keyId, reason })}
      >
        <p>
          <code className="key-id">{signingKey.keyId}</code>
        </p>
        <p>
          <FormattedMessage id="adapters.revokeKeyWarning" />
        </p>
      </Action>
    </>
  );
}

/** Approve (a waiting or suspended adapter), reject (a waiting one), suspend (an approved one). */
function AdapterActions({ adapter }: { adapter: Adapter }) {
  const decide = waitsForDecision(adapter);
  return (
    <div className="actions">
      <Action
        when={decide || adapter.state === 'suspended'}
        label={<FormattedMessage id="adapters.approve" />}
        title={<FormattedMessage id="adapters.approveTitle" values={{ name: adapter.name }} />}
        run={(reason) => requestAll(APPROVE_ADAPTER, { name: adapter.name, reason })}
      >
        <AskedBesideApproved
          adapter={adapter}
          caption={<FormattedMessage id="adapters.inbox.compare" values={{ name: adapter.name }} />}
        />
      </Action>
      <Action
        when={decide}
        variant="danger"
        label={<FormattedMessage id="adapters.reject" />}
        title={<FormattedMessage id="adapters.rejectTitle" values={{ name: adapter.name }} />}
        run={(reason) => requestAll(REJECT_ADAPTER, { name: adapter.name, reason })}
      />
      <Action
        when={adapter.state === 'approved'}
        variant="danger"
        label={<FormattedMessage id="adapters.suspend" />}
        title={<FormattedMessage id="adapters.suspendTitle" values={{ name: adapter.name }} />}
        run={(reason) => requestAll(SUSPEND, { name: adapter.name, reason })}
      >
        <p>
          <FormattedMessage id="adapters.suspendWarning" />
        </p>
      </Action>
    </div>
  );
}
