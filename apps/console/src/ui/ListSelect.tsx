// A select drawn by React Aria, for a list longer or richer than a native one.
import type { ReactNode } from 'react';
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';
import './list-select.css';

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
