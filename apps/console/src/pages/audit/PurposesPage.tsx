// The steward's legal purposes: each with its legal basis and when lookups
// under it reach the citizen's access log; register, retire and set the
// disclosure through the change dialog, which shows the audit entry made.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Input, TextArea } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { requestAll } from '../../api/graphql';
import {
  AuditPurposesDocument as PURPOSES,
  AuditRegisterPurposeDocument as REGISTER,
  AuditRetirePurposeDocument as RETIRE,
  AuditSetPurposeDisclosureDocument as DISCLOSURE,
} from '../../gql/graphql';
import type { AuditPurposesQuery } from '../../gql/graphql';
import { TextInput } from '../../ui/fields';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { Day } from './parts';
import './audit.css';

export default function PurposesPage() {
  const purposes = useQuery({
    queryKey: ['audit', 'purposes'],
    queryFn: () => requestAll(PURPOSES),
  });
  return (
    <Page
      title={<FormattedMessage id="audit.purposes.title" />}
      actions={<RegisterPurpose />}
      lead={<FormattedMessage id="audit.purposes.lead" />}
    >
      <ErrorBox error={purposes.error} />
      {purposes.data ? (
        <Table
          scroll="audit-scroll"
          caption={<FormattedMessage id="audit.purposes.caption" />}
          columns={[
            'audit.purposes.purpose',
            'audit.purposes.legalBasis',
            'audit.purposes.disclosure',
            'audit.purposes.state',
            'audit.purposes.actions',
          ]}
        >
          {purposes.data.purposes.map((purpose) => (
            <PurposeRow key={purpose.code} purpose={purpose} />
          ))}
        </Table>
      ) : null}
    </Page>
  );
}

type Purpose = AuditPurposesQuery['purposes'][number];

function PurposeRow({ purpose }: { purpose: Purpose }) {
  return (
    <tr data-purpose={purpose.code}>
      <th scope="row">
        {purpose.title}
        <br />
        <code>{purpose.code}</code>
      </th>
      <td>{purpose.legalBasis}</td>
      <td>
        {purpose.discloseAfterDays ? (
          <FormattedMessage
            id="audit.purposes.delayed"
            values={{
              days: purpose.discloseAfterDays,
              basis: purpose.disclosureBasis ?? '',
            }}
          />
        ) : (
          <FormattedMessage id="audit.purposes.atOnce" />
        )}
      </td>
      <td>
        {purpose.retiredAt ? (
          <FormattedMessage
            id="audit.purposes.retired"
            values={{ day: <Day at={purpose.retiredAt} /> }}
          />
        ) : (
          <FormattedMessage
            id="audit.purposes.since"
            values={{ day: <Day at={purpose.createdAt} /> }}
          />
        )}
      </td>
      <td>
        <PurposeActions purpose={purpose} />
      </td>
    </tr>
  );
}

/** Disclosure and retirement, both kept (disabled) once retired, so the dialog shows its entry. */
function PurposeActions({ purpose }: { purpose: Purpose }) {
  return (
    <div className="row-actions">
      <Disclosure
        code={purpose.code}
        days={purpose.discloseAfterDays ?? null}
        retired={purpose.retiredAt != null}
      />
      <ChangeDialog
        variant="danger"
        isDisabled={purpose.retiredAt != null}
        label={
          <>
            <FormattedMessage id="audit.purposes.retire" />
            <span className="visually-hidden"> {purpose.code}</span>
          </>
        }
        title={<FormattedMessage id="audit.purposes.retireTitle" values={{ code: purpose.code }} />}
        run={(reason) => requestAll(RETIRE, { code: purpose.code, reason })}
      >
        <p>
          <FormattedMessage id="audit.purposes.retireWarning" />
        </p>
      </ChangeDialog>
    </div>
  );
}

function RegisterPurpose() {
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  return (
    <ChangeDialog
      label={<FormattedMessage id="audit.purposes.register" />}
      title={<FormattedMessage id="audit.purposes.register" />}
      run={(reason) =>
        requestAll(REGISTER, {
          input: { code: code.trim(), title: title.trim(), legalBasis: legalBasis.trim(), reason },
        })
      }
    >
      <TextInput
        className="field"
        isRequired
        value={code}
        onChange={setCode}
        name="code"
        label={<FormattedMessage id="audit.purposes.code" />}
        description={<FormattedMessage id="audit.purposes.codeHelp" />}
      />
      <TextInput
        className="field"
        isRequired
        value={title}
        onChange={setTitle}
        name="title"
        label={<FormattedMessage id="audit.purposes.titleField" />}
      />
      <TextInput
        className="field"
        isRequired
        value={legalBasis}
        onChange={setLegalBasis}
        name="legalBasis"
        label={<FormattedMessage id="audit.purposes.legalBasis" />}
        input={<TextArea rows={2} />}
      />
    </ChangeDialog>
  );
}

function Disclosure({
  code,
  days,
  retired,
}: {
  code: string;
  days: number | null;
  retired: boolean;
}) {
  const [typedDays, setTypedDays] = useState(days ? String(days) : '');
  const [basis, setBasis] = useState('');
  const delayed = typedDays.trim() !== '';
  return (
    <ChangeDialog
      variant="secondary"
      isDisabled={retired}
      label={
        <>
          <FormattedMessage id="audit.purposes.setDisclosure" />
          <span className="visually-hidden"> {code}</span>
        </>
      }
      title={<FormattedMessage id="audit.purposes.disclosureTitle" values={{ code }} />}
      run={(reason) =>
        requestAll(DISCLOSURE, {
          code,
          discloseAfterDays: delayed ? Number(typedDays) : undefined,
          legalBasis: delayed ? basis.trim() : undefined,
          reason,
        })
      }
    >
      <TextInput
        className="field"
        value={typedDays}
        onChange={setTypedDays}
        name="days"
        label={<FormattedMessage id="audit.purposes.days" />}
        input={<Input inputMode="numeric" autoComplete="off" />}
        description={<FormattedMessage id="audit.purposes.daysHelp" />}
      />
      {delayed ? (
        <TextInput
          className="field"
          isRequired
          value={basis}
          onChange={setBasis}
          name="basis"
          label={<FormattedMessage id="audit.purposes.disclosureBasis" />}
          input={<TextArea rows={2} />}
        />
      ) : null}
    </ChangeDialog>
  );
}
