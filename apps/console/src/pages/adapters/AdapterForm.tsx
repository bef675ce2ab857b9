// Registering an adapter, or asking to change one (the API models a change as
// registering the same name again): its name, title and the record types it
// publishes and consumes, chosen from the schema registry's record types.
import { useState } from 'react';
import { Input } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { AdaptersRegisterAdapterDocument as REGISTER } from '../../gql/graphql';
import { TextInput } from '../../ui/fields';
import { ChangeDialog } from '../../ui/ChangeDialog';
import type { AdapterShape } from './parts';

/** Record type → the schema version asked for (null: every version). */
type Choice = Map<string, number | null>;

function choiceOf(entries: AdapterShape['publishes'] | undefined): Choice {
  return new Map((entries ?? []).map((entry) => [entry.recordType, entry.schemaVersion ?? null]));
}

function inputOf(choice: Choice) {
  return [...choice].map(([recordType, schemaVersion]) => ({ recordType, schemaVersion }));
}

export function AdapterDialog({
  recordTypes,
  existing,
}: {
  recordTypes: readonly string[];
  /** The adapter to change; none: a new registration. */
  existing?: AdapterShape;
}) {
  const [name, setName] = useState(existing?.name ?? '');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [publishes, setPublishes] = useState<Choice>(() => choiceOf(existing?.publishes));
  const [consumes, setConsumes] = useState<Choice>(() => choiceOf(existing?.consumes));
  return (
    <ChangeDialog
      variant={existing ? 'secondary' : 'primary'}
      label={
        existing ? (
          <FormattedMessage id="adapters.mine.change" />
        ) : (
          <FormattedMessage id="adapters.mine.register" />
        )
      }
      title={
        existing ? (
          <FormattedMessage id="adapters.mine.changeTitle" values={{ name: existing.name }} />
        ) : (
          <FormattedMessage id="adapters.mine.registerTitle" />
        )
      }
      run={(reason) =>
        requestAll(REGISTER, {
          input: {
            reason,
            name: name.trim(),
            title: title.trim(),
            publishes: inputOf(publishes),
            consumes: inputOf(consumes),
          },
        })
      }
    >
      {existing ? (
        <p>
          <FormattedMessage id="adapters.mine.changeHelp" />
        </p>
      ) : (
        <TextInput
          className="field"
          value={name}
          onChange={setName}
          isRequired
          name="name"
          label={<FormattedMessage id="adapters.mine.name" />}
          input={<Input autoComplete="off" spellCheck={false} />}
          description={<FormattedMessage id="adapters.mine.nameHelp" />}
        />
      )}
      <TextInput
        className="field"
        value={title}
        onChange={setTitle}
        isRequired
        name="title"
        label={<FormattedMessage id="adapters.mine.adapterTitle" />}
      />
      <RecordTypeChoice
        legend="adapters.publishes"
        recordTypes={recordTypes}
        choice={publishes}
        onChange={setPublishes}
      />
      <RecordTypeChoice
        legend="adapters.consumes"
        recordTypes={recordTypes}
        choice={consumes}
        onChange={setConsumes}
      />
    </ChangeDialog>
  );
}

function RecordTypeChoice({
  legend,
  recordTypes,
  choice,
  onChange,
}: {
  legend: string;
  recordTypes: readonly string[];
  choice: Choice;
  onChange: (next: Choice) => void;
}) {
  return (
    <fieldset className="choices">
      <legend>
        <FormattedMessage id={legend} />
      </legend>
      {recordTypes.map((recordType) => {
        const id = `${legend}-${recordType}`.replace(/[^a-z0-9-]/gi, '-');
        return (
          <div key={recordType} className="choice">
            <input
              type="checkbox"
              id={id}
              checked={choice.has(recordType)}
              onChange={(event) => {
                const next = new Map(choice);
                if (event.target.checked) next.set(recordType, null);
                else next.delete(recordType);
                onChange(next);
              }}
            />
            <label htmlFor={id}>{recordType}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
