// The steward's grants: for one agency at a time, a matrix of sections ×
// purposes, each cell the grant in force (its fields, its end — warned within
// 30 days — and its last use), granted and revoked through the change dialog.
// Below it, the preview: what that agency's desk would see of a citizen for
// a purpose, section by section, exactly as its lookup would answer.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { CheckboxGroup, Input, Label } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import {
  AuditGrantsMatrixDocument as MATRIX,
  AuditGrantAccessDocument as GRANT,
  AuditRevokeGrantDocument as REVOKE,
} from '../../gql/graphql';
import type { AuditGrantsMatrixQuery } from '../../gql/graphql';
import { SelectField, TextInput } from '../../ui/fields';
import { CheckboxField } from '../../ui/Checkbox';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { Day } from './parts';
import { PreviewAsAgency } from './PreviewAsAgency';
import './audit.css';

const DAY = 86_400_000;
const WARN_DAYS = 30;

interface Agency {
  id: string;
  name: string;
}

export default function GrantsPage() {
  const intl = useIntl();
  const matrix = useQuery({ queryKey: ['audit', 'grants'], queryFn: () => requestAll(MATRIX) });
  const data = matrix.data;
  const agencies = useMemo<Agency[]>(() => {
    if (!data) return [];
    const names = new Map<string, string>();
    // Agencies whose systems look citizens up, and any agency already granted something.
    for (const client of data.clients)
      if (client.role === 'agency') names.set(client.agencyId, client.agencyName);
    for (const grant of data.grants)
      if (!names.has(grant.agencyId)) names.set(grant.agencyId, grant.agencyId);
    return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.id.localeCompare(b.id));
  }, [data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const agencyId = chosen ?? agencies[0]?.id ?? '';
  const purposes = data?.purposes.filter((purpose) => !purpose.retiredAt) ?? [];
  const agencyName = agencies.find((agency) => agency.id === agencyId)?.name ?? agencyId;

  return (
    <Page
      title={<FormattedMessage id="audit.grants.title" />}
      lead={<FormattedMessage id="audit.grants.lead" />}
    >
      <ErrorBox error={matrix.error} />
      {data ? (
        <>
          <SelectField
            id="grants-agency"
            label={intl.formatMessage({ id: 'audit.grants.agency' })}
            value={agencyId}
            onChange={setChosen}
            options={agencies.map((agency) => ({
              value: agency.id,
              label: `${agency.name} (${agency.id})`,
            }))}
          />
          <GrantsMatrix
            data={data}
            purposes={purposes}
            agencyId={agencyId}
            agencyName={agencyName}
          />
          <PreviewAsAgency agencies={agencies} purposes={purposes} agencyId={agencyId} />
        </>
      ) : null}
    </Page>
  );
}

type Matrix = AuditGrantsMatrixQuery;

/** Sections down, purposes across: each cell the agency's grant for both, or none. */
function GrantsMatrix({
  data,
  purposes,
  agencyId,
  agencyName,
}: {
  data: Matrix;
  purposes: Matrix['purposes'];
  agencyId: string;
  agencyName: string;
}) {
  const lastUse = new Map(data.grantUsage.map((use) => [use.grant.id, use.lastUsedAt]));
  return (
    <div className="table-wrap audit-scroll">
      <table className="grants-matrix">
        <caption>
          <FormattedMessage id="audit.grants.caption" values={{ agency: agencyName }} />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="audit.grants.section" />
            </th>
            {purposes.map((purpose) => (
              <th scope="col" key={purpose.code}>
                {purpose.title}
                <br />
                <code>{purpose.code}</code>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.grantableSections.map((section) => (
            <tr key={section.name}>
              <th scope="row">
                <code>{section.name}</code>
              </th>
              {purposes.map((purpose) => {
                const grant = data.grants.find(
                  (g) =>
                    g.agencyId === agencyId &&
                    g.section === section.name &&
                    g.purpose === purpose.code,
                );
                return (
                  <td
                    key={purpose.code}
                    data-section={section.name}
                    data-purpose={purpose.code}
                    className={grant ? 'grant-cell granted' : 'grant-cell'}
                  >
                    <MatrixCell
                      grant={grant ?? null}
                      lastUsedAt={grant ? (lastUse.get(grant.id) ?? null) : null}
                      agencyId={agencyId}
                      agencyName={agencyName}
                      section={section.name}
                      sectionFields={section.fields ?? null}
                      purpose={purpose.code}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface CellGrant {
  id: string;
  fields?: string[] | null;
  validUntil: string;
  requiresOfficer: boolean;
}

/**
 * One cell: the grant in force and a revoke, or a grant. One change dialog
 * either way, so it stays open to show its audit entry when the matrix,
 * refreshed after the change, turns the cell from one to the other.
 */
function MatrixCell({
  grant,
  lastUsedAt,
  agencyId,
  agencyName,
  section,
  sectionFields,
  purpose,
}: {
  grant: CellGrant | null;
  lastUsedAt: string | null;
  agencyId: string;
  agencyName: string;
  section: string;
  sectionFields: string[] | null;
  purpose: string;
}) {
  const [fields, setFields] = useState<string[]>([]);
  const [until, setUntil] = useState(() =>
    new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10),
  );
  const [officer, setOfficer] = useState(false);
  return (
    <>
      {grant ? <GrantFacts grant={grant} lastUsedAt={lastUsedAt} /> : null}
      <ChangeDialog
        variant={grant ? 'danger' : 'secondary'}
        label={<CellLabel granted={grant !== null} section={section} purpose={purpose} />}
        title={
          <FormattedMessage
            id="audit.grants.cellTitle"
            values={{ section, purpose, agency: agencyName }}
          />
        }
        run={(reason) =>
          grant
            ? requestAll(REVOKE, { id: grant.id, reason })
            : requestAll(GRANT, {
                input: {
                  agencyId,
                  section,
                  purpose,
                  fields: fields.length > 0 ? fields : undefined,
                  validUntil: `${until}T23:59:59Z`,
                  requiresOfficer: officer,
                  reason,
                },
              })
        }
      >
        {grant ? (
          <p>
            <FormattedMessage id="audit.grants.revokeLead" />
          </p>
        ) : (
          <>
            <p>
              <FormattedMessage id="audit.grants.grantLead" />
            </p>
            <NewGrantFields
              sectionFields={sectionFields}
              fields={fields}
              onFields={setFields}
              until={until}
              onUntil={setUntil}
              officer={officer}
              onOfficer={setOfficer}
            />
          </>
        )}
      </ChangeDialog>
    </>
  );
}

/** Grant or revoke, with the cell's section and purpose for those who cannot see the matrix. */
function CellLabel({
  granted,
  section,
  purpose,
}: {
  granted: boolean;
  section: string;
  purpose: string;
}) {
  return (
    <>
      <FormattedMessage id={granted ? 'audit.grants.revoke' : 'audit.grants.grant'} />
      <span className="visually-hidden">
        {' '}
        <FormattedMessage id="audit.grants.cellName" values={{ section, purpose }} />
      </span>
    </>
  );
}

/**
 * A new grant's choices: which of the section's fields (none is all), until
 * when, whether an officer must be named.
 */
function NewGrantFields(props: {
  sectionFields: string[] | null;
  fields: string[];
  onFields: (fields: string[]) => void;
  until: string;
  onUntil: (until: string) => void;
  officer: boolean;
  onOfficer: (officer: boolean) => void;
}) {
  const { sectionFields } = props;
  return (
    <>
      {sectionFields?.length ? (
        <CheckboxGroup
          className="field grant-field-choice"
          value={props.fields}
          onChange={props.onFields}
        >
          <Label>
            <FormattedMessage id="audit.grants.chooseFields" />
          </Label>
          {sectionFields.map((field) => (
            <CheckboxField key={field} value={field}>
              {field}
            </CheckboxField>
          ))}
        </CheckboxGroup>
      ) : null}
      <TextInput
        className="field"
        isRequired
        value={props.until}
        onChange={props.onUntil}
        label={<FormattedMessage id="audit.grants.validUntil" />}
        input={<Input type="date" />}
      />
      <CheckboxField className="field" isSelected={props.officer} onChange={props.onOfficer}>
        <FormattedMessage id="audit.grants.requireOfficer" />
      </CheckboxField>
    </>
  );
}

function GrantFacts({ grant, lastUsedAt }: { grant: CellGrant; lastUsedAt: string | null }) {
  const left = Math.ceil((Date.parse(grant.validUntil) - Date.now()) / DAY);
  return (
    <>
      <p className="grant-fields">
        {grant.fields?.length ? (
          <FormattedMessage id="audit.grants.fields" values={{ fields: grant.fields.join(', ') }} />
        ) : (
          <FormattedMessage id="audit.grants.allFields" />
        )}
      </p>
      <p className={left <= WARN_DAYS ? 'grant-expiry grant-warn' : 'grant-expiry'}>
        {left <= 0 ? (
          <FormattedMessage id="audit.grants.ended" />
        ) : left <= WARN_DAYS ? (
          <FormattedMessage id="audit.grants.endsSoon" values={{ days: left }} />
        ) : null}{' '}
        <FormattedMessage id="audit.grants.until" values={{ day: <Day at={grant.validUntil} /> }} />
      </p>
      <p className="grant-use">
        {lastUsedAt ? (
          <FormattedMessage id="audit.grants.lastUsed" values={{ day: <Day at={lastUsedAt} /> }} />
        ) : (
          <FormattedMessage id="audit.grants.neverUsed" />
        )}
      </p>
      {grant.requiresOfficer ? (
        <p className="grant-use">
          <FormattedMessage id="audit.grants.officer" />
        </p>
      ) : null}
    </>
  );
}
