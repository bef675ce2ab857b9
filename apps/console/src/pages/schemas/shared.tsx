// What the schema pages share: the registry's record types and versions, a
// record type a page has chosen and its labelled picker, a debounced value, and the compatibility
// report's incompatibilities as a table.
import { useEffect, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { requestAll } from '../../api/graphql';
import {
  SchemasRegistryDocument as SCHEMAS_REGISTRY,
  SchemasCheckCompatibilityDocument as SCHEMAS_CHECK,
} from '../../gql/graphql';
import { ErrorBox } from '../../ui/ErrorBox';
import { SelectField } from '../../ui/fields';
import { Table } from '../../ui/Table';

export function useRegistry() {
  return useQuery({
    queryKey: ['schemas', 'registry'],
    queryFn: () => requestAll(SCHEMAS_REGISTRY),
  });
}

/** The registry and the record type chosen on a page: the first one until the person picks another. */
export function useChosenType() {
  const registry = useRegistry();
  const types = registry.data?.schemas ?? [];
  const [recordType, setRecordType] = useState('');
  useEffect(() => {
    if (recordType === '' && types[0]) setRecordType(types[0].recordType);
  }, [recordType, types]);
  const current = types.find((entry) => entry.recordType === recordType);
  return { registry, types, recordType, setRecordType, current };
}

/** The record-type picker, over the registry's record types. */
export function RecordTypeField({
  types,
  value,
  onChange,
}: {
  types: ReadonlyArray<{ recordType: string }>;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <SelectField
      label={<FormattedMessage id="schemas.recordType" />}
      name="recordType"
      value={value}
      onChange={onChange}
      options={types.map((entry) => ({ value: entry.recordType, label: entry.recordType }))}
    />
  );
}

/** The value once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface IncompatibilityShape {
  path: string;
  rule: string;
  direction: string;
  against: number;
  message: string;
}

/** Each incompatible path with the rule it breaks. */
export function IncompatibilityTable({
  caption,
  items,
}: {
  caption: ReactNode;
  items: readonly IncompatibilityShape[];
}) {
  return (
    <Table
      className="incompatibilities"
      caption={caption}
      columns={[
        'schemas.col.path',
        'schemas.col.rule',
        'schemas.col.against',
        'schemas.col.message',
      ]}
    >
      {items.map((item, index) => (
        <tr key={index}>
          <td>
            <code>{item.path}</code>
          </td>
          <td>
            <strong>{item.rule}</strong> ({item.direction})
          </td>
          <td>{item.against}</td>
          <td>{item.message}</td>
        </tr>
      ))}
    </Table>
  );
}

/** The compatibility of a pasted schema, checked as it is typed. */
export function CompatibilityResult({
  recordType,
  schema,
}: {
  recordType: string;
  schema: string;
}) {
  const settled = useDebounced(schema, 400);
  const parsed = parseJson(settled);
  const check = useQuery({
    queryKey: ['schemas', 'check', recordType, settled],
    queryFn: () => requestAll(SCHEMAS_CHECK, { recordType, schema: settled }),
    enabled: recordType !== '' && parsed.ok,
  });
  if (settled.trim() === '') return null;
  if (!parsed.ok)
    return (
      <p className="field-error" role="status">
        <FormattedMessage id="schemas.check.notJson" values={{ error: parsed.error }} />
      </p>
    );
  return (
    <div role="status" aria-live="polite" className="compat-result">
      {check.isFetching ? (
        <p>
          <FormattedMessage id="schemas.check.checking" />
        </p>
      ) : null}
      <ErrorBox error={check.error} />
      {check.data ? (
        check.data.checkCompatibility.compatible ? (
          <p className="field-ok">
            <FormattedMessage
              id="schemas.check.compatible"
              values={{
                version: check.data.checkCompatibility.version,
                mode: check.data.checkCompatibility.mode,
              }}
            />
          </p>
        ) : (
          <>
            <p className="field-error">
              <FormattedMessage
                id="schemas.check.incompatible"
                values={{
                  count: check.data.checkCompatibility.incompatibilities.length,
                  mode: check.data.checkCompatibility.mode,
                }}
              />
            </p>
            <IncompatibilityTable
              caption={<FormattedMessage id="schemas.check.caption" />}
              items={check.data.checkCompatibility.incompatibilities}
            />
          </>
        )
      ) : null}
    </div>
  );
}

export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A version's state as a badge people can read (the colour only repeats the word). */
export function StateBadge({ state }: { state: string }) {
  return (
    <span className={`state state-${state}`}>
      <FormattedMessage id={`schemas.state.${state}`} defaultMessage={state} />
    </span>
  );
}
