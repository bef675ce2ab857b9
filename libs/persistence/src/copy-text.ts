// Values in PostgreSQL's COPY text format: one row per line, columns separated
// by tabs, \N for NULL. Only backslash, tab, line feed and carriage return
// need escaping inside a value; everything else (Khmer script included) goes
// as it is.

/** A text value as a COPY text column. */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value
        .replaceAll('\\', '\\\\')
        .replaceAll('\t', '\\t')
        .replaceAll('\n', '\\n')
        .replaceAll('\r', '\\r')
    : value;
}

/** A nullable text value: \N for NULL. */
export function copyNullable(value: string | null): string {
  return value === null ? '\\N' : copyText(value);
}

/** A text[] value as a COPY text column: an array literal, each element quoted. */
export function copyTextArray(values: readonly string[]): string {
  const quoted = values.map(
    (value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
  );
  return copyText(`{${quoted.join(',')}}`);
}

/** A bytea value as a COPY text column (hex form; its backslash escaped for COPY). */
export function copyBytes(value: Buffer): string {
  return `\\\\x${value.toString('hex')}`;
}
