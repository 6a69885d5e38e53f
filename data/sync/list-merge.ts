import { personKey, type Person } from '../model/handover';
import { stableStringify } from './json';

/**
 * List fields whose elements two people edit apart: an account's key people.
 * When two edits of such a field meet (docs/api.md, "Versions and conflicts"),
 * the server merges them element by element against the value the later
 * edit started from (its base, sent as `baseValues`): one device adding
 * Wang Fang while another marks Li Lei as left keeps both. Only two edits of
 * the same element collide; then the later-arriving one wins and the list
 * it displaced is kept in `conflicts`, as for any field.
 */
interface ElementList {
  keyOf: (element: unknown) => string | undefined;
  /** The record schema's limit: a merge longer than this is not taken. */
  max: number;
}

const personKeyOf = (el: unknown): string | undefined => {
  if (!el || typeof el !== 'object') return undefined;
  const p = el as Partial<Person>;
  if (typeof p.name !== 'string' || (p.id !== undefined && typeof p.id !== 'string')) return undefined;
  return personKey(p as Person);
};

const sameValue = (a: unknown, b: unknown): boolean => (a === undefined || b === undefined ? a === b : stableStringify(a) === stableStringify(b));

const ELEMENT_LISTS: ReadonlyMap<string, ElementList> = new Map([['keyPeople', { keyOf: personKeyOf, max: 50 }]]);

/**
 * Object fields whose keys two people edit apart, merged key by key the same way: a term's renewal plan
 * ticks (`planDone`, step → day), so one device ticking the 60-day call while another ticks the 30-day
 * review keeps both ticks.
 */
const ELEMENT_MAPS: ReadonlyMap<string, { max: number }> = new Map([['planDone', { max: 100 }]]);

/** Whether edits of this field are merged element by element (and so carry their base value). */
export const isElementList = (field: string): boolean => ELEMENT_LISTS.has(field) || ELEMENT_MAPS.has(field);

/** The value such a field has when it holds nothing: an empty list, or an empty object for a map. */
export const emptyElements = (field: string): unknown[] | Record<string, never> => (ELEMENT_MAPS.has(field) ? {} : []);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A map field's entries, or undefined when the value is not an object. */
const entriesOf = (v: unknown): Map<string, unknown> | undefined => (v === undefined ? new Map() : isPlainObject(v) ? new Map(Object.entries(v)) : undefined);

function keyed(list: unknown, spec: ElementList): Map<string, unknown> | undefined {
  const items = list === undefined ? [] : list;
  if (!Array.isArray(items)) return undefined;
  const out = new Map<string, unknown>();
  for (const el of items) {
    const k = spec.keyOf(el);
    if (k === undefined || out.has(k)) return undefined;
    out.set(k, el);
  }
  return out;
}

export interface ListMerge {
  /** The merged list, or for a map field the merged object. */
  value: unknown[] | Record<string, unknown>;
  /** Both edits changed (or one removed and one changed) the same element: the later one's element was taken. */
  collided: boolean;
}

/**
 * Three-way merge of one list field: `base` is what the later edit started
 * from, `mine` what it wrote, `theirs` what the server holds. Undefined when
 * the field is not an element list or a value cannot be read as one (no
 * key, the same key twice): the caller then treats it as a whole field.
 */
export function mergeList(field: string, base: unknown, mine: unknown, theirs: unknown): ListMerge | undefined {
  const map = ELEMENT_MAPS.get(field);
  if (map) {
    const b = entriesOf(base);
    const m = entriesOf(mine);
    const t = entriesOf(theirs);
    if (!b || !m || !t) return undefined;
    const merged = mergeKeyed(b, m, t);
    return merged.value.length > map.max ? undefined : { value: Object.fromEntries(merged.value), collided: merged.collided };
  }
  const spec = ELEMENT_LISTS.get(field);
  if (!spec) return undefined;
  const b = keyed(base, spec);
  const m = keyed(mine, spec);
  const t = keyed(theirs, spec);
  if (!b || !m || !t) return undefined;
  const merged = mergeKeyed(b, m, t);
  return merged.value.length > spec.max ? undefined : { value: merged.value.map(([, v]) => v), collided: merged.collided };
}

/** The element-wise three-way merge itself, over keyed elements: the merged [key, element] pairs. */
function mergeKeyed(b: Map<string, unknown>, m: Map<string, unknown>, t: Map<string, unknown>): { value: [string, unknown][]; collided: boolean } {
  const value: [string, unknown][] = [];
  let collided = false;
  for (const [k, tv] of t) {
    const bv = b.get(k);
    const mv = m.get(k);
    if (mv === undefined) {
      // Absent from mine: added by them, or removed by me (a collision when they changed it meanwhile).
      if (bv === undefined) value.push([k, tv]);
      else if (!sameValue(bv, tv)) collided = true;
    } else if (sameValue(mv, tv) || sameValue(bv, mv)) value.push([k, tv]);
    else {
      if (!sameValue(bv, tv)) collided = true;
      value.push([k, mv]);
    }
  }
  for (const [k, mv] of m) {
    if (t.has(k)) continue;
    const bv = b.get(k);
    // Absent from theirs: added by me, or removed by them (a collision when I changed it meanwhile).
    if (bv === undefined) value.push([k, mv]);
    else if (!sameValue(bv, mv)) {
      collided = true;
      value.push([k, mv]);
    }
  }
  return { value, collided };
}
