// A CSV file as canonical records, read in the browser: the header names each
// column; envelope columns (recordId, subjectId, version, op, occurredAt,
// eventId, source) stay on the record, every other column goes into the
// payload, a dot nesting it (owner.nationalId). Cells are text unless the
// schema says the place holds a number or a boolean: a national id of digits
// stays text. Empty cells are left out, as a missing value.
const ENVELOPE = new Set([
  'recordId',
  'subjectId',
  'version',
  'op',
  'occurredAt',
  'eventId',
  'source',
]);

/** Rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let at = 0; at < source.length; at++) {
    const char = source[at]!;
    if (quoted) {
      if (char === '"' && source[at + 1] === '"') {
        cell += '"';
        at++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[at + 1] === '\n') at++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((value) => value.trim() !== ''));
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** The JSON type the schema gives the place at `path` in the payload, if it says. */
function typeAt(root: JsonSchema, path: string[]): string | undefined {
  let node: JsonSchema | undefined = root;
  const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined => {
    const ref = schema?.$ref;
    if (!ref?.startsWith('#/$defs/')) return schema;
    return resolve(root.$defs?.[ref.slice('#/$defs/'.length)]);
  };
  for (const key of path) node = resolve(resolve(node)?.properties?.[key]);
  const type = resolve(node)?.type;
  return Array.isArray(type) ? type.find((entry) => entry !== 'null') : type;
}

function typed(value: string, type: string | undefined): unknown {
  const trimmed = value.trim();
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(trimmed))
    return Number(trimmed);
  if (type === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return value;
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** One record per data row, in file order (index 0 is the row after the header). */
export function recordsFromCsv(text: string, schemaJson: string): Record<string, unknown>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const schema = JSON.parse(schemaJson) as JsonSchema;
  const columns = header.map((name) => name.trim());
  return rows.map((cells) => {
    const record: Record<string, unknown> = { payload: {} };
    columns.forEach((column, index) => {
      const value = cells[index] ?? '';
      if (value.trim() === '' || column === '') return;
      if (ENVELOPE.has(column)) {
        record[column] = column === 'version' && /^\d+$/.test(value.trim()) ? Number(value) : value;
        return;
      }
      const path = column.split('.');
      setAt(record.payload as Record<string, unknown>, path, typed(value, typeAt(schema, path)));
    });
    return record;
  });
}
