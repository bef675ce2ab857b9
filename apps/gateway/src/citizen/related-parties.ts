// Who else a lookup's answer discloses: the people named in a record besides
// the citizen looked up, as far as the query selected them.
import type { Selection } from './granted-fields.js';

/**
 * The national ids of the people whose entries leave with this selection of a
 * payload: an object holding a `nationalId` (the schemas' convention for a
 * person: subject, parent, spouse, owner, director) leaves when any of its
 * fields is selected — its name or share tells of the relation as much as its id.
 */
export function partiesIn(
  value: unknown,
  selection: Selection,
  into = new Set<string>(),
): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) partiesIn(item, selection, into);
    return into;
  }
  if (value === null || typeof value !== 'object') return into;
  const object = value as Record<string, unknown>;
  const selected = [...selection.keys()].some((field) => field !== '__typename');
  if (selected && typeof object.nationalId === 'string') into.add(object.nationalId);
  for (const [field, sub] of selection) {
    if (sub.size > 0) partiesIn(object[field], sub, into);
  }
  return into;
}
