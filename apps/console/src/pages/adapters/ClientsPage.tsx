// Clients: the systems that exchange an id and a secret for tokens. Stewards
// create, rotate and revoke any; an integrator creates clients for its own
// agency's approved adapters. A new secret is shown once, in the dialog that
// made it, and is gone when the dialog closes: it is never stored anywhere.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Input } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { currentSession } from '../../api/session';
import {
  AdaptersClientsDocument as CLIENTS,
  AdaptersCreateClientDocument as CREATE,
  AdaptersRotateClientSecretDocument as ROTATE,
  AdaptersRevokeClientDocument as REVOKE,
} from '../../gql/graphql';
import type { AdaptersClientsQuery, NewClientInput } from '../../gql/graphql';
import { SelectField, TextInput } from '../../ui/fields';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { checkNationalId, NationalIdField } from '../../ui/NationalIdField';
import { Page } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { Action, When } from './parts';
import './adapters.css';

/** The input without the fields left empty: the gateway refuses a field the role does not take. */
function withoutEmpty(input: Record<string, string | null | undefined>) {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value != null && value !== ''),
  );
}

const ROLES = ['agency', 'adapter', 'integrator', 'auditor', 'steward', 'citizen'] as const;

interface Issued {
  clientId: string;
  clientSecret: string;
  previousSecretValidUntil?: string | null;
}

type Client = AdaptersClientsQuery['clients'][number];

export default function ClientsPage() {
  const session = currentSession();
  const steward = session?.role === 'steward';
  const clients = useQuery({
    queryKey: ['adapters', 'clients'],
    queryFn: () => requestAll(CLIENTS),
  });
  const data = clients.data;
  // An integrator may create clients for its own agency's approved adapters only.
  const adapters =
    data?.adapters.filter(
      (adapter) =>
        steward || (adapter.agencyId === session?.agencyId && adapter.state === 'approved'),
    ) ?? [];
  return (
    <Page
      title={<FormattedMessage id="adapters.clients.title" />}
      actions={data ? <CreateClient steward={steward} adapters={adapters} /> : null}
      lead={
        <FormattedMessage id={steward ? 'adapters.clients.lead' : 'adapters.clients.leadOwn'} />
      }
    >
      <ErrorBox error={clients.error} />
      {data ? (
        <Table
          caption={
            <FormattedMessage
              id="adapters.clients.caption"
              values={{ count: data.clients.length }}
            />
          }
          columns={[
            'adapters.clients.name',
            'adapters.agency',
            'adapters.clients.role',
            'adapters.clients.secret',
            steward && 'adapters.clients.actions',
          ]}
        >
          {data.clients.map((client) => (
            <ClientRow key={client.clientId} client={client} steward={steward} />
          ))}
        </Table>
      ) : null}
    </Page>
  );
}

function ClientRow({ client, steward }: { client: Client; steward: boolean }) {
  return (
    <tr>
      <th scope="row">
        {client.name}
        <br />
        <code>{client.clientId}</code>
      </th>
      <td>{client.agencyName}</td>
      <td>
        {client.role}
        {client.adapter ? (
          <>
            {' '}
            <code>{client.adapter}</code>
          </>
        ) : null}
        {client.maskedNationalId ? (
          <>
            {' '}
            <code>{client.maskedNationalId}</code>
          </>
        ) : null}
      </td>
      <td>
        <SecretState client={client} />
      </td>
      {steward ? (
        <td>
          <div className="actions">
            <RotateClient
              clientId={client.clientId}
              name={client.name}
              revoked={Boolean(client.revokedAt)}
            />
            <Action
              when={!client.revokedAt}
              variant="danger"
              label={<FormattedMessage id="adapters.clients.revoke" />}
              title={
                <FormattedMessage
                  id="adapters.clients.revokeTitle"
                  values={{ name: client.name }}
                />
              }
              run={(reason) => requestAll(REVOKE, { clientId: client.clientId, reason })}
            >
              <p>
                <FormattedMessage id="adapters.clients.revokeWarning" />
              </p>
            </Action>
          </div>
        </td>
      ) : null}
    </tr>
  );
}

/** Revoked (by whom, why), or when the secret was made, rotated, and how long the old one lasts. */
function SecretState({ client }: { client: Client }) {
  if (client.revokedAt)
    return (
      <span className="badge state-revoked">
        <FormattedMessage
          id="adapters.clients.revoked"
          values={{
            who: client.revokedBy ?? '?',
            reason: client.revokeReason ?? '',
          }}
        />
      </span>
    );
  return (
    <>
      <FormattedMessage id="adapters.clients.created" /> <When at={client.createdAt} />
      {client.rotatedAt ? (
        <>
          <br />
          <FormattedMessage id="adapters.clients.rotated" /> <When at={client.rotatedAt} />
        </>
      ) : null}
      {client.previousSecretValidUntil ? (
        <>
          <br />
          <FormattedMessage id="adapters.clients.overlapUntil" />{' '}
          <When at={client.previousSecretValidUntil} />
        </>
      ) : null}
    </>
  );
}

/** A secret shown this once: copy it now, it will not be shown again. */
function SecretOnce({ issued, rotated }: { issued: Issued; rotated?: boolean }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret-once">
      <p className="secret-warning" role="status">
        <FormattedMessage id="adapters.clients.secretWarning" />
      </p>
      <dl className="facts">
        <dt>
          <FormattedMessage id="adapters.clients.clientId" />
        </dt>
        <dd>
          <code>{issued.clientId}</code>
        </dd>
        <dt>
          <FormattedMessage id="adapters.clients.secret" />
        </dt>
        <dd>
          <code className="secret" data-testid="client-secret">
            {issued.clientSecret}
          </code>
        </dd>
        {rotated ? (
          <>
            <dt>
              <FormattedMessage id="adapters.clients.previousSecret" />
            </dt>
            <dd>
              {issued.previousSecretValidUntil ? (
                <>
                  <FormattedMessage id="adapters.clients.overlapUntil" />{' '}
                  <When at={issued.previousSecretValidUntil} />
                </>
              ) : (
                <FormattedMessage id="adapters.clients.noOverlap" />
              )}
            </dd>
          </>
        ) : null}
      </dl>
      <Button
        className="button secondary"
        onPress={() => {
          void navigator.clipboard
            .writeText(issued.clientSecret)
            .then(() => setCopied(true))
            .catch(() => setCopied(false));
        }}
      >
        <FormattedMessage id="adapters.clients.copy" />
      </Button>
      <span role="status" className="copied">
        {copied ? <FormattedMessage id="adapters.clients.copied" /> : null}
      </span>
    </div>
  );
}

interface NewClient {
  name: string;
  role: string;
  agencyId: string;
  agencyName: string;
  adapter: string;
  nationalId: string;
}

/** The dialog's fields as the gateway's input: an adapter client's agency is its adapter's. */
function newClientInput(
  client: NewClient,
  adapters: ReadonlyArray<{ name: string; agencyId: string }>,
  reason: string,
): NewClientInput {
  const { role } = client;
  return withoutEmpty({
    name: client.name.trim(),
    role,
    reason,
    agencyId:
      role === 'citizen'
        ? null
        : role === 'adapter'
          ? (adapters.find((one) => one.name === client.adapter)?.agencyId ?? client.agencyId)
          : client.agencyId.trim() || null,
    agencyName: client.agencyName.trim() || null,
    adapter: role === 'adapter' ? client.adapter : null,
    nationalId: role === 'citizen' ? checkNationalId(client.nationalId).id : null,
  }) as NewClientInput;
}

function CreateClient({
  steward,
  adapters,
}: {
  steward: boolean;
  adapters: ReadonlyArray<{ name: string; agencyId: string }>;
}) {
  const intl = useIntl();
  const session = currentSession();
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>(steward ? 'agency' : 'adapter');
  const [agencyId, setAgencyId] = useState(steward ? '' : (session?.agencyId ?? ''));
  const [agencyName, setAgencyName] = useState('');
  const [adapter, setAdapter] = useState('');
  const [nationalId, setNationalId] = useState('');
  const chosenAdapter = adapter || adapters[0]?.name || '';
  return (
    <ChangeDialog
      label={<FormattedMessage id="adapters.clients.create" />}
      title={<FormattedMessage id="adapters.clients.createTitle" />}
      run={(reason) =>
        requestAll(CREATE, {
          input: newClientInput(
            { name, role, agencyId, agencyName, adapter: chosenAdapter, nationalId },
            adapters,
            reason,
          ),
        })
      }
      done={(result) => <SecretOnce issued={(result as { createClient: Issued }).createClient} />}
    >
      <TextInput
        className="field"
        value={name}
        onChange={setName}
        isRequired
        name="clientName"
        label={<FormattedMessage id="adapters.clients.name" />}
      />
      {steward ? (
        <SelectField
          id="client-role"
          label={<FormattedMessage id="adapters.clients.role" />}
          value={role}
          onChange={setRole}
          options={ROLES.map((one) => ({ value: one, label: one }))}
        />
      ) : null}
      {role === 'adapter' ? (
        <SelectField
          id="client-adapter"
          label={<FormattedMessage id="adapters.clients.adapter" />}
          value={chosenAdapter}
          onChange={setAdapter}
          options={adapters.map((one) => ({
            value: one.name,
            label: `${one.name} (${one.agencyId})`,
          }))}
        />
      ) : null}
      {steward && role !== 'adapter' && role !== 'citizen' ? (
        <AgencyFields
          agencyId={agencyId}
          onAgencyId={setAgencyId}
          agencyName={agencyName}
          onAgencyName={setAgencyName}
        />
      ) : null}
      {role === 'citizen' ? (
        <NationalIdField
          value={nationalId}
          onChange={setNationalId}
          label={intl.formatMessage({ id: 'nationalId.label' })}
        />
      ) : null}
    </ChangeDialog>
  );
}

function AgencyFields(props: {
  agencyId: string;
  onAgencyId: (agencyId: string) => void;
  agencyName: string;
  onAgencyName: (agencyName: string) => void;
}) {
  return (
    <>
      <TextInput
        className="field"
        value={props.agencyId}
        onChange={props.onAgencyId}
        isRequired
        name="agencyId"
        label={<FormattedMessage id="adapters.clients.agencyId" />}
        input={<Input autoComplete="off" spellCheck={false} />}
      />
      <TextInput
        className="field"
        value={props.agencyName}
        onChange={props.onAgencyName}
        name="agencyName"
        label={<FormattedMessage id="adapters.clients.agencyName" />}
      />
    </>
  );
}

function RotateClient({
  clientId,
  name,
  revoked,
}: {
  clientId: string;
  name: string;
  revoked: boolean;
}) {
  const [overlap, setOverlap] = useState('');
  return (
    <Action
      when={!revoked}
      variant="secondary"
      label={<FormattedMessage id="adapters.clients.rotate" />}
      title={<FormattedMessage id="adapters.clients.rotateTitle" values={{ name }} />}
      run={(reason) =>
        requestAll(ROTATE, {
          clientId,
          reason,
          overlapHours: overlap.trim() === '' ? null : Number(overlap),
        })
      }
      done={(result) => (
        <SecretOnce
          rotated
          issued={(result as { rotateClientSecret: Issued }).rotateClientSecret}
        />
      )}
    >
      <TextInput
        className="field"
        value={overlap}
        onChange={setOverlap}
        name="overlapHours"
        label={<FormattedMessage id="adapters.clients.overlapHours" />}
        input={<Input inputMode="numeric" />}
      />
    </Action>
  );
}
