// Preview as agency: what an agency's desk would see of a citizen for a
// purpose, exactly as its lookup answers (the same sections, refusals and
// pseudonyms). The gateway audits it as the steward's lookup-preview, which
// the citizen sees in their access log, so the form says so.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError, request, type ApiProblem } from '../../api/graphql';
import { AuditPreviewAsAgencyDocument as PREVIEW } from '../../gql/graphql';
import type { AuditPreviewAsAgencyQuery } from '../../gql/graphql';
import { ErrorBox } from '../../ui/ErrorBox';
import { checkNationalId, NationalIdField } from '../../ui/NationalIdField';
import { SelectField } from '../../ui/fields';
import { SECTIONS, type Section } from '../desk/desk-queries';

/** The refusal the gateway gave for a section: its message names the section it withholds. */
function refusalOf(section: Section, problems: ApiProblem[]): ApiProblem | undefined {
  const named = new RegExp(`\\bsee ${section}\\b`);
  return problems.find((problem) => problem.code === 'FORBIDDEN' && named.test(problem.message));
}

export function PreviewAsAgency({
  agencies,
  purposes,
  agencyId,
}: {
  agencies: Array<{ id: string; name: string }>;
  purposes: Array<{ code: string; title: string }>;
  agencyId: string;
}) {
  const intl = useIntl();
  const [agency, setAgency] = useState<string | null>(null);
  const [purpose, setPurpose] = useState(purposes[0]?.code ?? '');
  const [typed, setTyped] = useState('');
  const preview = useMutation({
    mutationFn: (variables: { agencyId: string; purpose: string; nationalId: string }) =>
      request(PREVIEW, variables),
  });
  const valid = checkNationalId(typed).rule === undefined;
  const answer = preview.data;
  const citizen = answer?.data.previewAsAgency;
  return (
    <section aria-labelledby="preview-heading" className="preview">
      <h2 id="preview-heading">
        <FormattedMessage id="audit.preview.title" />
      </h2>
      <p className="notice">
        <FormattedMessage id="audit.preview.lead" />
      </p>
      <Form
        className="audit-filter-grid"
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          preview.mutate({
            agencyId: agency ?? agencyId,
            purpose,
            nationalId: checkNationalId(typed).id,
          });
        }}
      >
        <SelectField
          id="preview-agency"
          label={intl.formatMessage({ id: 'audit.preview.agency' })}
          value={agency ?? agencyId}
          onChange={setAgency}
          options={agencies.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
        />
        <SelectField
          id="preview-purpose"
          label={intl.formatMessage({ id: 'audit.preview.purpose' })}
          value={purpose}
          onChange={setPurpose}
          options={purposes.map((p) => ({ value: p.code, label: p.title }))}
        />
        <NationalIdField value={typed} onChange={setTyped} />
        <div>
          <Button type="submit" className="button primary" isDisabled={!valid || preview.isPending}>
            <FormattedMessage id="audit.preview.run" />
          </Button>
        </div>
      </Form>
      <ErrorBox error={preview.error} />
      {answer && !citizen && answer.partial.length > 0 ? (
        <ErrorBox error={new ApiError(answer.partial, 200)} />
      ) : null}
      {answer && !citizen && answer.partial.length === 0 ? (
        <p role="status">
          <FormattedMessage id="audit.preview.unknown" />
        </p>
      ) : null}
      {citizen ? <PreviewSections citizen={citizen} partial={answer.partial} /> : null}
    </section>
  );
}

function PreviewSections({
  citizen,
  partial,
}: {
  citizen: NonNullable<AuditPreviewAsAgencyQuery['previewAsAgency']>;
  partial: ApiProblem[];
}) {
  return (
    <div role="status">
      <p>
        <FormattedMessage id="audit.preview.as" values={{ id: citizen.nationalId }} />
      </p>
      <ul className="preview-sections">
        {SECTIONS.map((section) => {
          const refusal = refusalOf(section, partial);
          const value = citizen[section];
          return (
            <li
              key={section}
              data-section={section}
              className={refusal ? 'preview-refused' : 'preview-shown'}
            >
              <strong>
                <code>{section}</code>
              </strong>{' '}
              {refusal ? (
                <>
                  <span className="preview-badge">
                    <FormattedMessage id="audit.preview.refused" />
                  </span>{' '}
                  {refusal.message}
                </>
              ) : (
                <>
                  <span className="preview-badge">
                    <FormattedMessage id="audit.preview.shown" />
                  </span>{' '}
                  <SectionSummary section={section} value={value} />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function SectionSummary({ section, value }: { section: Section; value: unknown }) {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
    return <FormattedMessage id="audit.preview.nothing" />;
  const v = value as Record<string, never> & unknown[];
  switch (section) {
    case 'person': {
      const person = value as {
        name: { latin: { familyName: string; givenName: string } };
        dateOfBirth: string;
      };
      return (
        <span>
          {person.name.latin.familyName} {person.name.latin.givenName} · {person.dateOfBirth}
        </span>
      );
    }
    case 'address': {
      const address = value as { province: { latin?: string | null; khmer?: string | null } };
      return <span>{address.province.latin ?? address.province.khmer}</span>;
    }
    default:
      return (
        <FormattedMessage
          id="audit.preview.records"
          values={{ count: Array.isArray(v) ? v.length : 1 }}
        />
      );
  }
}
