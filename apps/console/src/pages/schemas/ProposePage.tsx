// Proposing the next version of a record type's schema: a JSON editor whose
// compatibility is checked as it is typed, then the proposal with a reason.
// The registry refuses an incompatible proposal with each path and rule, and
// creates nothing; the dialog shows that refusal.
import { useEffect, useState } from 'react';
import { Label, Text, TextArea, TextField } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { SchemasProposeDocument as PROPOSE } from '../../gql/graphql';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { CompatibilityResult, parseJson, RecordTypeField, useChosenType } from './shared';
import './schemas.css';

export default function ProposePage() {
  const { registry, types, recordType, setRecordType, current } = useChosenType();
  const [schema, setSchema] = useState('');
  const newest = current?.versions[current.versions.length - 1];
  // Start from the newest version: a proposal is usually a small change to it.
  useEffect(() => {
    if (newest) setSchema(JSON.stringify(JSON.parse(newest.schemaJson), null, 2));
  }, [newest]);
  const parsed = parseJson(schema);
  return (
    <Page
      title={<FormattedMessage id="schemas.propose.title" />}
      lead={<FormattedMessage id="schemas.propose.lead" />}
    >
      <ErrorBox error={registry.error} />
      {types.length > 0 ? (
        <RecordTypeField types={types} value={recordType} onChange={setRecordType} />
      ) : null}
      {current ? (
        <>
          <TextField className="field wide" value={schema} onChange={setSchema} name="schema">
            <Label>
              <FormattedMessage id="schemas.propose.schema" values={{ type: current.recordType }} />
            </Label>
            <TextArea rows={18} spellCheck={false} className="code-input" />
            <Text slot="description">
              <FormattedMessage
                id="schemas.propose.schemaHelp"
                values={{ version: newest?.version ?? 0 }}
              />
            </Text>
          </TextField>
          <CompatibilityResult recordType={current.recordType} schema={schema} />
          <ChangeDialog
            isDisabled={!parsed.ok}
            label={<FormattedMessage id="schemas.propose.submit" />}
            title={
              <FormattedMessage
                id="schemas.propose.submit.title"
                values={{ type: current.recordType }}
              />
            }
            run={(reason) =>
              requestAll(PROPOSE, { recordType: current.recordType, schema, reason })
            }
            done={(result) => {
              const proposed = (result as { proposeSchemaVersion: { version: number } })
                .proposeSchemaVersion;
              return (
                <p>
                  <FormattedMessage
                    id="schemas.propose.done"
                    values={{ type: current.recordType, version: proposed.version }}
                  />
                </p>
              );
            }}
          />
        </>
      ) : null}
    </Page>
  );
}
