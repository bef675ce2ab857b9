// The record tester: records pasted as JSON, or a CSV file read here in the
// browser, checked against a record type and version exactly as intake
// would check them (dryRunIntake). Nothing is published or stored; each
// problem is shown with the record's index, the path and the rule.
import { useEffect, useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, TextArea } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { SchemasDryRunIntakeDocument as DRY_RUN } from '../../gql/graphql';
import type { SchemasDryRunIntakeQuery } from '../../gql/graphql';
import { SelectField, TextInput } from '../../ui/fields';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { recordsFromCsv } from './csv-records';
import { RecordTypeField, useChosenType } from './shared';
import './schemas.css';

const USABLE = ['active', 'deprecated'];

/** The versions a record may be tested against (the usable ones, if any), the newest chosen first. */
function useTestedVersion(current: ReturnType<typeof useChosenType>['current']) {
  const [version, setVersion] = useState('');
  const usable = current?.versions.filter((entry) => USABLE.includes(entry.state)) ?? [];
  const versions = usable.length > 0 ? usable : (current?.versions ?? []);
  useEffect(() => {
    const newest = versions[versions.length - 1];
    if (newest && !versions.some((entry) => String(entry.version) === version))
      setVersion(String(newest.version));
  }, [versions, version]);
  return { versions, version, setVersion };
}

export default function RecordTesterPage() {
  const { registry, types, recordType, setRecordType, current } = useChosenType();
  const { versions, version, setVersion } = useTestedVersion(current);
  const [records, setRecords] = useState('');
  const check = useMutation({
    mutationFn: () => requestAll(DRY_RUN, { recordType, version: Number(version), records }),
  });
  const schema = current?.versions.find((entry) => String(entry.version) === version);

  const result = check.data?.dryRunIntake;
  return (
    <Page
      title={<FormattedMessage id="schemas.tester.title" />}
      lead={<FormattedMessage id="schemas.tester.lead" />}
    >
      <ErrorBox error={registry.error} />
      {current ? (
        <form
          className="tester-form"
          onSubmit={(event) => {
            event.preventDefault();
            check.mutate();
          }}
        >
          <div className="inline-form">
            <RecordTypeField
              types={types}
              value={recordType}
              onChange={(value) => {
                setRecordType(value);
                check.reset();
              }}
            />
            <VersionField
              versions={versions}
              value={version}
              onChange={(value) => {
                setVersion(value);
                check.reset();
              }}
            />
          </div>
          <TextInput
            className="field wide"
            value={records}
            onChange={(value) => {
              setRecords(value);
              check.reset();
            }}
            name="records"
            label={<FormattedMessage id="schemas.tester.records" />}
            input={<TextArea rows={12} spellCheck={false} className="code-input" />}
            description={<FormattedMessage id="schemas.tester.recordsHelp" />}
          />
          <CsvFileField
            schemaJson={schema?.schemaJson ?? '{}'}
            onRecords={(read) => {
              setRecords(read);
              check.reset();
            }}
          />
          <Button
            type="submit"
            className="button primary"
            isDisabled={records.trim() === '' || version === '' || check.isPending}
          >
            <FormattedMessage id="schemas.tester.check" />
          </Button>
        </form>
      ) : null}
      <ErrorBox error={check.error} />
      {result ? <DryRunResult result={result} /> : null}
    </Page>
  );
}

function VersionField({
  versions,
  value,
  onChange,
}: {
  versions: ReturnType<typeof useTestedVersion>['versions'];
  value: string;
  onChange: (value: string) => void;
}) {
  const intl = useIntl();
  return (
    <SelectField
      label={<FormattedMessage id="schemas.tester.version" />}
      name="version"
      value={value}
      onChange={onChange}
      options={versions.map((entry) => ({
        value: String(entry.version),
        label: `${entry.version} (${intl.formatMessage({ id: `schemas.state.${entry.state}`, defaultMessage: entry.state })})`,
      }))}
    />
  );
}

/** A CSV file read here in the browser into records as JSON, with its note or its error. */
function CsvFileField({
  schemaJson,
  onRecords,
}: {
  schemaJson: string;
  onRecords: (records: string) => void;
}) {
  const [fileNote, setFileNote] = useState<{ name: string; rows: number } | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);
  const fileId = useId();

  async function readFile(file: File | undefined): Promise<void> {
    setFileError(null);
    setFileNote(null);
    if (!file) return;
    try {
      const parsed = recordsFromCsv(await file.text(), schemaJson);
      onRecords(JSON.stringify(parsed, null, 2));
      setFileNote({ name: file.name, rows: parsed.length });
    } catch (error) {
      setFileError(error);
    }
  }

  return (
    <>
      <div className="field">
        <label htmlFor={fileId}>
          <FormattedMessage id="schemas.tester.csv" />
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${fileId}-help`}
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
        <span id={`${fileId}-help`} className="help">
          <FormattedMessage id="schemas.tester.csvHelp" />
        </span>
      </div>
      {fileNote ? (
        <p role="status">
          <FormattedMessage id="schemas.tester.csvRead" values={fileNote} />
        </p>
      ) : null}
      <ErrorBox error={fileError} />
    </>
  );
}

function DryRunResult({ result }: { result: SchemasDryRunIntakeQuery['dryRunIntake'] }) {
  return (
    <section className="schemas-section" aria-live="polite">
      <h2>
        <FormattedMessage id="schemas.tester.result" />
      </h2>
      <p role="status">
        <FormattedMessage
          id="schemas.tester.summary"
          values={{
            valid: result.valid,
            invalid: result.invalid,
            type: result.recordType,
            version: result.version,
          }}
        />
      </p>
      {result.issues.length > 0 ? (
        <Table
          className="tester-issues"
          caption={<FormattedMessage id="schemas.tester.caption" />}
          columns={[
            'schemas.tester.col.index',
            'schemas.col.path',
            'schemas.col.rule',
            'schemas.col.message',
          ]}
        >
          {result.issues.map((issue, at) => (
            <tr key={at}>
              <th scope="row">{issue.index}</th>
              <td>
                <code>{issue.path}</code>
              </td>
              <td>
                <strong>{issue.rule}</strong>
              </td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      <p>
        <FormattedMessage id="schemas.tester.nothingPublished" />
      </p>
    </section>
  );
}
