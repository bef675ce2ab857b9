// The desk officer's counter: verify what a citizen claims first (yes or no,
// no data), then — only for a purpose the agency holds section grants for —
// look the record up with the same purpose and case reference. What was
// looked up lives in this page's state only: signing out (or the idle
// timeout) unmounts the page and nothing of the citizen is left on screen.
import { useMemo, useState } from 'react';
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { request, requestAll, type Answer } from '../../api/graphql';
import { currentSession } from '../../api/session';
import type { DeskLookupQuery, DeskVerifyQuery } from '../../gql/graphql';
import { TextInput } from '../../ui/fields';
import { CheckboxField } from '../../ui/Checkbox';
import { ListSelect } from '../../ui/ListSelect';
import { ErrorBox } from '../../ui/ErrorBox';
import { checkNationalId, NationalIdField } from '../../ui/NationalIdField';
import { Page } from '../../ui/Page';
import { lookupSelection, sectionGrants, type Section, type SectionGrant } from './desk-queries';
import {
  DeskGrantsDocument as DESK_GRANTS,
  DeskLookupDocument as DESK_LOOKUP,
  DeskVerifyDocument as DESK_VERIFY,
} from '../../gql/graphql';
import { LookupView } from './LookupView';
import { VerificationView, type Claims } from './VerificationView';
import './desk.css';

const NO_CLAIMS: Claims = {
  familyName: '',
  givenName: '',
  dateOfBirth: '',
  alive: false,
  idCardNumber: '',
};

/** What was asked, kept beside its answer so the answer always shows its own question. */
export interface Asked {
  nationalId: string;
  purpose: string;
  reference: string;
  at: string;
}

/** A purpose the agency holds grants for: may it verify, which sections (or fields of them) may it read. */
interface Offered {
  code: string;
  verify: boolean;
  sections: ReadonlyMap<Section, SectionGrant>;
  title: string;
  legalBasis: string;
}

function useOfferedPurposes() {
  const access = useQuery({ queryKey: ['desk', 'grants'], queryFn: () => requestAll(DESK_GRANTS) });
  const offered = useMemo((): Offered[] => {
    const byPurpose = new Map<string, NonNullable<typeof access.data>['grants']>();
    for (const grant of access.data?.grants ?? [])
      byPurpose.set(grant.purpose, [...(byPurpose.get(grant.purpose) ?? []), grant]);
    return [...byPurpose].map(([code, grants]) => ({
      code,
      verify: grants.some((grant) => grant.section === 'verification'),
      sections: sectionGrants(grants),
      title: access.data?.purposes.find((p) => p.code === code)?.title ?? code,
      legalBasis: access.data?.purposes.find((p) => p.code === code)?.legalBasis ?? '',
    }));
  }, [access.data]);
  return { access, offered };
}

function useDeskRequests() {
  const verify = useMutation({
    mutationFn: (vars: Parameters<typeof verifyVariables>[0]) =>
      request(DESK_VERIFY, verifyVariables(vars)),
  });
  const lookup = useMutation({
    mutationFn: (vars: { asked: Asked; sections: ReadonlyMap<Section, SectionGrant> }) =>
      request(DESK_LOOKUP, {
        nationalId: vars.asked.nationalId,
        purpose: vars.asked.purpose,
        reference: vars.asked.reference,
        ...lookupSelection(vars.sections),
      }),
  });
  return { verify, lookup };
}

type DeskRequests = ReturnType<typeof useDeskRequests>;

/** What the officer is typing: the citizen's id, the purpose, the case reference, the claims. */
function useQuestion() {
  const [nationalId, setNationalId] = useState('');
  const [purpose, setPurpose] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const [claims, setClaims] = useState<Claims>(NO_CLAIMS);
  return {
    nationalId,
    setNationalId,
    purpose,
    setPurpose,
    reference,
    setReference,
    claims,
    setClaims,
    /** Empties the fields; the chosen purpose stays chosen. */
    clear: () => {
      setNationalId('');
      setReference('');
      setClaims(NO_CLAIMS);
    },
  };
}

type Question = ReturnType<typeof useQuestion>;

export default function DeskPage() {
  const { access, offered } = useOfferedPurposes();
  const { verify, lookup } = useDeskRequests();

  const question = useQuestion();
  const { nationalId, purpose, reference, claims } = question;
  const [asked, setAsked] = useState<Asked | null>(null);
  const chosen = offered.find((entry) => entry.code === purpose);

  const idCheck = checkNationalId(nationalId);
  const ready =
    nationalId !== '' &&
    idCheck.rule === undefined &&
    chosen !== undefined &&
    reference.trim() !== '';

  function submit(): void {
    if (!ready || !chosen) return;
    const next: Asked = {
      nationalId: idCheck.id,
      purpose: chosen.code,
      reference: reference.trim(),
      at: new Date().toISOString(),
    };
    setAsked(next);
    lookup.reset();
    if (chosen.verify) verify.mutate({ asked: next, claims });
    else {
      verify.reset();
      lookup.mutate({ asked: next, sections: chosen.sections });
    }
  }

  function clear(): void {
    question.clear();
    setAsked(null);
    verify.reset();
    lookup.reset();
  }

  return (
    <Page
      title={<FormattedMessage id="desk.title" />}
      actions={asked ? <DeskActions onClear={clear} /> : null}
    >
      <p className="no-print">
        <FormattedMessage id="desk.lead" />
      </p>
      <ErrorBox error={access.error} />
      {access.data && offered.length === 0 ? (
        <p className="notice">
          <FormattedMessage id="desk.noGrants" />
        </p>
      ) : null}
      <DeskForm
        offered={offered}
        chosen={chosen}
        question={question}
        canSubmit={ready && !verify.isPending && !lookup.isPending}
        onSubmit={submit}
      />
      {asked ? (
        <DeskResult
          asked={asked}
          claims={claims}
          shownPurpose={offered.find((entry) => entry.code === asked.purpose)}
          verify={verify}
          lookup={lookup}
        />
      ) : null}
    </Page>
  );
}

function DeskActions({ onClear }: { onClear: () => void }) {
  return (
    <div className="desk-actions no-print">
      <Button className="button secondary" onPress={() => window.print()}>
        <FormattedMessage id="app.print" />
      </Button>
      <Button className="button secondary" onPress={onClear}>
        <FormattedMessage id="desk.clear" />
      </Button>
    </div>
  );
}

function DeskForm(props: {
  offered: Offered[];
  chosen: Offered | undefined;
  question: Question;
  canSubmit: boolean;
  onSubmit: () => void;
}) {
  const intl = useIntl();
  const { chosen, question } = props;
  const { claims } = question;
  const hasClaim =
    (claims.familyName.trim() !== '' && claims.givenName.trim() !== '') ||
    claims.dateOfBirth.trim() !== '' ||
    claims.idCardNumber.trim() !== '' ||
    claims.alive;
  return (
    <Form
      className="desk-form no-print"
      aria-label={intl.formatMessage({ id: 'desk.formLabel' })}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <NationalIdField value={question.nationalId} onChange={question.setNationalId} autoFocus />
      <ListSelect
        label={<FormattedMessage id="desk.purpose" />}
        description={<FormattedMessage id="desk.purposeHelp" />}
        options={props.offered.map((entry) => [entry.code, entry.title] as const)}
        value={question.purpose}
        onChange={question.setPurpose}
        isRequired
        placeholder={intl.formatMessage({ id: 'desk.purposePick' })}
      />
      {chosen ? (
        <p className="desk-basis">
          <FormattedMessage
            id="desk.basis"
            values={{ basis: chosen.legalBasis, code: chosen.code }}
          />
        </p>
      ) : null}
      <TextInput
        className="field"
        value={question.reference}
        onChange={question.setReference}
        isRequired
        maxLength={100}
        name="reference"
        validationBehavior="aria"
        label={<FormattedMessage id="desk.reference" />}
        description={<FormattedMessage id="desk.referenceHelp" />}
      />

      {chosen && !chosen.verify ? (
        <p className="notice">
          <FormattedMessage id="desk.noVerification" />
        </p>
      ) : (
        <ClaimsFieldset claims={claims} onChange={question.setClaims} />
      )}
      {chosen?.verify && !hasClaim ? (
        <p className="claims-help">
          <FormattedMessage id="desk.claimNeeded" />
        </p>
      ) : null}
      <Button
        type="submit"
        className="button primary"
        isDisabled={!props.canSubmit || (chosen?.verify && !hasClaim)}
      >
        <FormattedMessage id={chosen && !chosen.verify ? 'desk.lookUp' : 'desk.verify'} />
      </Button>
    </Form>
  );
}

function ClaimsFieldset({
  claims,
  onChange,
}: {
  claims: Claims;
  onChange: (claims: Claims) => void;
}) {
  return (
    <fieldset className="claims">
      <legend>
        <FormattedMessage id="desk.claims" />
      </legend>
      <p className="claims-help">
        <FormattedMessage id="desk.claimsHelp" />
      </p>
      <div className="claims-grid">
        <ClaimField
          label="desk.familyName"
          value={claims.familyName}
          onChange={(familyName) => onChange({ ...claims, familyName })}
        />
        <ClaimField
          label="desk.givenName"
          value={claims.givenName}
          onChange={(givenName) => onChange({ ...claims, givenName })}
        />
        <ClaimField
          label="desk.dateOfBirth"
          help="desk.dateHelp"
          value={claims.dateOfBirth}
          onChange={(dateOfBirth) => onChange({ ...claims, dateOfBirth })}
        />
        <ClaimField
          label="desk.idCardNumber"
          value={claims.idCardNumber}
          onChange={(idCardNumber) => onChange({ ...claims, idCardNumber })}
        />
      </div>
      <CheckboxField isSelected={claims.alive} onChange={(alive) => onChange({ ...claims, alive })}>
        <FormattedMessage id="desk.alive" />
      </CheckboxField>
    </fieldset>
  );
}

function DeskResult({
  asked,
  claims,
  shownPurpose,
  verify,
  lookup,
}: DeskRequests & { asked: Asked; claims: Claims; shownPurpose: Offered | undefined }) {
  return (
    <section className="desk-result" aria-live="polite">
      <PrintHeader asked={asked} shownPurpose={shownPurpose} />
      <ErrorBox error={verify.error} />
      {verify.data ? (
        <VerificationView answer={verify.data as Answer<DeskVerifyQuery>} claims={claims} />
      ) : null}
      {verify.data && shownPurpose && shownPurpose.sections.size > 0 && !lookup.data ? (
        <div className="no-print">
          <p>
            <FormattedMessage id="desk.lookUpOffer" values={{ purpose: shownPurpose.title }} />
          </p>
          <Button
            className="button primary"
            isDisabled={lookup.isPending}
            onPress={() => lookup.mutate({ asked, sections: shownPurpose.sections })}
          >
            <FormattedMessage id="desk.lookUp" />
          </Button>
        </div>
      ) : null}
      {verify.data && shownPurpose && shownPurpose.sections.size === 0 ? (
        <p className="notice">
          <FormattedMessage id="desk.noLookup" values={{ purpose: shownPurpose.title }} />
        </p>
      ) : null}
      <ErrorBox error={lookup.error} />
      {lookup.data && shownPurpose ? (
        <LookupView
          answer={lookup.data as Answer<DeskLookupQuery>}
          purposeTitle={shownPurpose.title}
          granted={shownPurpose.sections}
        />
      ) : null}
    </section>
  );
}

function PrintHeader({ asked, shownPurpose }: { asked: Asked; shownPurpose: Offered | undefined }) {
  const intl = useIntl();
  const session = currentSession();
  return (
    <div className="print-header">
      <p>
        <FormattedMessage
          id="desk.printedBy"
          values={{
            name: session?.person?.name ?? session?.agencyId ?? '',
            agency: session?.agencyId ?? '',
            at: intl.formatDate(asked.at, { dateStyle: 'long', timeStyle: 'medium' }),
          }}
        />
      </p>
      <p>
        <FormattedMessage
          id="desk.printedFor"
          values={{
            purpose: shownPurpose?.title ?? asked.purpose,
            basis: shownPurpose?.legalBasis ?? '',
            reference: asked.reference,
          }}
        />
      </p>
    </div>
  );
}

function verifyVariables({ asked, claims }: { asked: Asked; claims: Claims }) {
  const name =
    claims.familyName.trim() && claims.givenName.trim()
      ? { familyName: claims.familyName.trim(), givenName: claims.givenName.trim() }
      : undefined;
  return {
    nationalId: asked.nationalId,
    purpose: asked.purpose,
    reference: asked.reference,
    claims: {
      ...(name ? { name } : {}),
      ...(claims.dateOfBirth.trim() ? { dateOfBirth: claims.dateOfBirth.trim() } : {}),
      ...(claims.idCardNumber.trim() ? { idCardNumber: claims.idCardNumber.trim() } : {}),
      ...(claims.alive ? { alive: true } : {}),
    },
  };
}

function ClaimField({
  label,
  help,
  value,
  onChange,
}: {
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField className="field" value={value} onChange={onChange}>
      <Label>
        <FormattedMessage id={label} />
      </Label>
      <Input autoComplete="off" />
      {help ? (
        <Text slot="description">
          <FormattedMessage id={help} />
        </Text>
      ) : null}
    </TextField>
  );
}
