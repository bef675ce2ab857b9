// The console's plain form fields, each with its label: a native select and
// a text field. The checkbox (Checkbox.tsx) and the React Aria select
// (ListSelect.tsx) are apart: only a few pages load their code.
import { useId, type ReactNode } from 'react';
import { Input, Label, Text, TextField, type TextFieldProps } from 'react-aria-components';

export interface Option {
  value: string;
  label: string;
}

/** A native select: labelled for every screen reader, usable on any phone. */
export function SelectField({
  id,
  name,
  label,
  value,
  onChange,
  options,
  required,
}: {
  /** The select's id when something else points at it; a generated one otherwise. */
  id?: string;
  name?: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  required?: boolean;
}) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        name={name}
        value={value}
        required={required}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A text field: its label, the input (one line without autocomplete unless told otherwise), an optional description. */
export function TextInput({
  label,
  input = <Input autoComplete="off" />,
  description,
  ...props
}: Omit<TextFieldProps, 'children'> & {
  label: ReactNode;
  input?: ReactNode;
  description?: ReactNode;
}) {
  return (
    <TextField {...props}>
      <Label>{label}</Label>
      {input}
      {description ? <Text slot="description">{description}</Text> : null}
    </TextField>
  );
}
