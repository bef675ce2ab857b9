// The console's form fields, each with its label: a native select, a text
// field, a checkbox, and a select drawn by React Aria (options in a popover).
import { useId, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  TextField,
  type CheckboxProps,
  type TextFieldProps,
} from 'react-aria-components';
import './fields.css';

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

/** A checkbox: a box that shows its state beside the label, the whole row a touch target. */
export function CheckboxField({
  className,
  children,
  ...props
}: Omit<CheckboxProps, 'children' | 'className'> & { className?: string; children: ReactNode }) {
  return (
    <Checkbox {...props} className={className ? `checkbox ${className}` : 'checkbox'}>
      <span className="checkbox-box" aria-hidden="true" />
      {children}
    </Checkbox>
  );
}

/** A select drawn by React Aria: a trigger showing the choice, an optional description, the options in a popover. */
export function ListSelect({
  label,
  description,
  options,
  value,
  onChange,
  placeholder,
  isRequired,
}: {
  label: ReactNode;
  description?: ReactNode;
  /** Each option as its key and the text shown. */
  options: ReadonlyArray<readonly [string, string]>;
  value: string | null;
  onChange: (key: string | null) => void;
  placeholder?: string;
  isRequired?: boolean;
}) {
  return (
    <Select
      className="field"
      value={value}
      onChange={(key) => onChange(key === null ? null : String(key))}
      isRequired={isRequired}
      placeholder={placeholder}
    >
      <Label>{label}</Label>
      <Button className="select-trigger">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      {description ? <Text slot="description">{description}</Text> : null}
      <Popover className="select-popover">
        <ListBox className="select-list">
          {options.map(([id, text]) => (
            <ListBoxItem key={id} id={id} textValue={text} className="select-item">
              {text}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
