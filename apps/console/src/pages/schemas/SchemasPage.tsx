// The schema registry: every record type with its versions and their states,
// the compatibility mode, the history of changes, the diff of any two
// versions and a live compatibility check. Stewards decide versions and set
// the mode here, each change with a reason and the audit entry it made.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { TextArea } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { currentSession } from '../../api/session';
import {
  SchemasChangesDocument as CHANGES,
  SchemasDiffDocument as DIFF,
  SchemasApproveDocument as APPROVE,
  SchemasRejectDocument as REJECT,
  SchemasDeprecateDocument as DEPRECATE,
  SchemasRetireDocument as RETIRE,
  SchemasSetCompatibilityDocument as SET_MODE,
} from '../../gql/graphql';
import type { SchemasDiffQuery } from '../../gql/graphql';
import { SelectField, TextInput } from '../../ui/fields';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { Table } from '../../ui/Table';
import {
  CompatibilityResult,
  IncompatibilityTable,
  RecordTypeField,
  StateBadge,
  useChosenType,
} from './shared';
// The registry's own list of modes: a file of plain constants, bundled as it is.
import { COMPATIBILITY_MODES } from '../../../../../libs/schema-registry/src/compatibility/compatibility-mode';
import './schemas.css';

type Decision = 'approve' | 'reject' | 'deprecate' | 'retire';
type DecisionVariables = { recordType: string; version: number; reason: string };
const DECISIONS: Record<
  Decision,
  { run: (variables: DecisionVariables) => Promise<unknown>; from: readonly string[] }
> = {
  approve: { run: (variables) => requestAll(APPROVE, variables), from: ['proposed'] },
  reject: { run: (variables) => requestAll(REJECT, variables), from: ['proposed'] },
  deprecate: { run: (variables) => requestAll(DEPRECATE, variables), from: ['active'] },
  retire: { run: (variables) => requestAll(RETIRE, variables), from: ['active', 'deprecated'] },
};

export default function SchemasPage() {
  const intl = useIntl();
  const { registry, types, recordType, setRecordType, current } = useChosenType();
  return (
    <Page
      title={<FormattedMessage id="schemas.title" />}
      lead={<FormattedMessage id="schemas.lead" />}
    >
      <ErrorBox error={registry.error} />
      {types.length > 0 ? (
        <RecordTypeField types={types} value={recordType} onChange={setRecordType} />
      ) : null}
      {current ? (
        <>
          <Versions type={current} />
          <Mode recordType={current.recordType} mode={current.compatibility} />
          <Diff
            key={`diff-${current.recordType}`}
            recordType={current.recordType}
            versions={current.versions.map((version) => version.version)}
          />
          {/* The live check is a working tool of stewards and integrators (the API's rule). */}
          {currentSession()?.role !== 'auditor' ? (
            <section className="schemas-section">
              <h2>
                <FormattedMessage id="schemas.check.title" />
              </h2>
              <PastedCheck key={current.recordType} recordType={current.recordType} />
            </section>
          ) : null}
          <History recordType={current.recordType} />
        </>
      ) : null}
      {registry.isLoading ? <p>{intl.formatMessage({ id: 'app.loading' })}</p> : null}
    </Page>
  );
}

type RegistryType = ReturnType<typeof useChosenType>['types'][number];

function Versions({ type }: { type: RegistryType }) {
  const intl = useIntl();
  const steward = currentSession()?.role === 'steward';
  return (
    <section className="schemas-section">
      <h2>
        <FormattedMessage id="schemas.versions" />
      </h2>
      <Table
        caption={
          <FormattedMessage id="schemas.versions.caption" values={{ type: type.recordType }} />
        }
        columns={[
          'schemas.col.version',
          'schemas.col.state',
          'schemas.col.proposed',
          'schemas.col.decided',
          steward && 'schemas.col.actions',
        ]}
      >
        {type.versions.map((version) => (
          <tr key={version.version}>
            <th scope="row">{version.version}</th>
            <td>
              <StateBadge state={version.state} />
            </td>
            <td>
              {intl.formatDate(version.proposedAt, { dateStyle: 'medium' })} · {version.proposedBy}
              <br />
              <span className="muted">{version.proposalReason}</span>
            </td>
            <td>
              {version.decidedAt ? (
                <>
                  {intl.formatDate(version.decidedAt, { dateStyle: 'medium' })} ·{' '}
                  {version.decidedBy}
                  <br />
                  <span className="muted">{version.decisionReason}</span>
                </>
              ) : (
                '—'
              )}
            </td>
            {steward ? (
              <td>
                <VersionDecisions recordType={type.recordType} version={version} />
              </td>
            ) : null}
          </tr>
        ))}
      </Table>
    </section>
  );
}

// Every decision stays on screen (disabled where the state does not allow it),
// so a dialog is not taken away when its change lands.
function VersionDecisions({
  recordType,
  version,
}: {
  recordType: string;
  version: RegistryType['versions'][number];
}) {
  return (
    <div className="actions">
      {(Object.keys(DECISIONS) as Decision[]).map((decision) => (
        <ChangeDialog
          key={decision}
          isDisabled={!DECISIONS[decision].from.includes(version.state)}
          variant={decision === 'approve' ? 'primary' : 'danger'}
          label={
            <FormattedMessage
              id={`schemas.decide.${decision}`}
              values={{ version: version.version }}
            />
          }
          title={
            <FormattedMessage
              id={`schemas.decide.${decision}.title`}
              values={{ type: recordType, version: version.version }}
            />
          }
          run={(reason) =>
            DECISIONS[decision].run({ recordType, version: version.version, reason })
          }
        />
      ))}
    </div>
  );
}

function Mode({ recordType, mode }: { recordType: string; mode: string }) {
  const steward = currentSession()?.role === 'steward';
  const [next, setNext] = useState(mode);
  useEffect(() => setNext(mode), [mode]);
  return (
    <section className="schemas-section">
      <h2>
        <FormattedMessage id="schemas.mode" />
      </h2>
      <p>
        <FormattedMessage
          id="schemas.mode.current"
          values={{ mode: <strong key="mode">{mode}</strong> }}
        />
      </p>
      {steward ? (
        <div className="inline-form">
          <SelectField
            label={<FormattedMessage id="schemas.mode.new" />}
            name="mode"
            value={next}
            onChange={setNext}
            options={COMPATIBILITY_MODES.map((value) => ({ value, label: value }))}
          />
          <ChangeDialog
            isDisabled={next === mode}
            label={<FormattedMessage id="schemas.mode.set" />}
            title={
              <FormattedMessage
                id="schemas.mode.set.title"
                values={{ type: recordType, mode: next }}
              />
            }
            run={(reason) => requestAll(SET_MODE, { recordType, mode: next, reason })}
          />
        </div>
      ) : null}
    </section>
  );
}

function Diff({ recordType, versions }: { recordType: string; versions: number[] }) {
  const newest = versions[versions.length - 1] ?? 1;
  const [from, setFrom] = useState(String(versions[versions.length - 2] ?? newest));
  const [to, setTo] = useState(String(newest));
  const diff = useQuery({
    queryKey: ['schemas', 'diff', recordType, from, to],
    queryFn: () => requestAll(DIFF, { recordType, from: Number(from), to: Number(to) }),
    enabled: from !== to,
  });
  const options = versions.map((version) => ({ value: String(version), label: String(version) }));
  const answer = diff.data?.schemaDiff;
  return (
    <section className="schemas-section">
      <h2>
        <FormattedMessage id="schemas.diff" />
      </h2>
      <div className="inline-form">
        <SelectField
          label={<FormattedMessage id="schemas.diff.from" />}
          name="from"
          value={from}
          onChange={setFrom}
          options={options}
        />
        <SelectField
          label={<FormattedMessage id="schemas.diff.to" />}
          name="to"
          value={to}
          onChange={setTo}
          options={options}
        />
      </div>
      {from === to ? (
        <p>
          <FormattedMessage id="schemas.diff.same" />
        </p>
      ) : null}
      <ErrorBox error={diff.error} />
      {answer && from !== to ? <DiffAnswer recordType={recordType} answer={answer} /> : null}
    </section>
  );
}

type SchemaDiff = SchemasDiffQuery['schemaDiff'];

function DiffAnswer({ recordType, answer }: { recordType: string; answer: SchemaDiff }) {
  const intl = useIntl();
  return (
    <>
      <p>
        <FormattedMessage
          id="schemas.diff.summary"
          values={{
            impact: <strong key="impact">{answer.impact}</strong>,
            mode: answer.mode,
            allowed: intl.formatMessage({
              id: answer.allowedUnderMode ? 'schemas.diff.allowed' : 'schemas.diff.notAllowed',
            }),
          }}
        />
      </p>
      {answer.differences.length === 0 ? (
        <p>
          <FormattedMessage id="schemas.diff.none" />
        </p>
      ) : (
        <DifferencesTable recordType={recordType} answer={answer} />
      )}
      {answer.incompatibilities.length > 0 ? (
        <IncompatibilityTable
          caption={<FormattedMessage id="schemas.diff.incompatibilities" />}
          items={answer.incompatibilities}
        />
      ) : null}
    </>
  );
}

function DifferencesTable({ recordType, answer }: { recordType: string; answer: SchemaDiff }) {
  return (
    <Table
      className="diff"
      caption={
        <FormattedMessage
          id="schemas.diff.caption"
          values={{ type: recordType, from: answer.from, to: answer.to }}
        />
      }
      columns={[
        'schemas.col.path',
        'schemas.col.change',
        'schemas.col.impact',
        'schemas.col.before',
        'schemas.col.after',
      ]}
    >
      {answer.differences.map((difference, index) => (
        <tr key={index}>
          <th scope="row">
            <code>{difference.path}</code>
          </th>
          <td>
            <FormattedMessage
              id={`schemas.change.${difference.change}`}
              defaultMessage={difference.change}
            />
          </td>
          <td>
            <strong>{difference.impact}</strong>
            {difference.incompatibilities.length > 0 ? (
              <> ({difference.incompatibilities.map((item) => item.rule).join(', ')})</>
            ) : null}
          </td>
          <td>
            <code className="json">{difference.beforeJson ?? '—'}</code>
          </td>
          <td>
            <code className="json">{difference.afterJson ?? '—'}</code>
          </td>
        </tr>
      ))}
    </Table>
  );
}

function PastedCheck({ recordType }: { recordType: string }) {
  const [schema, setSchema] = useState('');
  return (
    <>
      <TextInput
        className="field wide"
        value={schema}
        onChange={setSchema}
        name="pasted"
        label={<FormattedMessage id="schemas.check.label" values={{ type: recordType }} />}
        input={<TextArea rows={8} spellCheck={false} className="code-input" />}
      />
      <CompatibilityResult recordType={recordType} schema={schema} />
    </>
  );
}

function History({ recordType }: { recordType: string }) {
  const intl = useIntl();
  const changes = useQuery({
    queryKey: ['schemas', 'changes', recordType],
    queryFn: () => requestAll(CHANGES, { recordType }),
  });
  return (
    <section className="schemas-section">
      <h2>
        <FormattedMessage id="schemas.history" />
      </h2>
      <ErrorBox error={changes.error} />
      {changes.data ? (
        <Table
          caption={<FormattedMessage id="schemas.history.caption" values={{ type: recordType }} />}
          columns={[
            'schemas.col.when',
            'schemas.col.action',
            'schemas.col.version',
            'schemas.col.who',
            'schemas.col.reason',
          ]}
        >
          {changes.data.schemaChanges.map((change, index) => (
            <tr key={index}>
              <td>{intl.formatDate(change.at, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td>{change.action}</td>
              <td>{change.version ?? '—'}</td>
              <td>{change.actor}</td>
              <td>{change.reason}</td>
            </tr>
          ))}
        </Table>
      ) : null}
    </section>
  );
}
