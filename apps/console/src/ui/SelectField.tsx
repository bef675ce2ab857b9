// A native select with its label: labelled for every screen reader, usable on
// any phone; what every plain picker in the console is.
import { useId, type ReactNode } from 'react';

export interface Option {
  value: string;
  label: string;
}

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
