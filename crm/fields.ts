import { contentText, NOT_CONTENT } from './dom';
import type { FieldKey } from './types';

/** Per key, the visible labels a CRM may show it under (matched whole, case-insensitive). */
export type LabelSets<K extends string = FieldKey> = Partial<Record<K, readonly string[]>>;

/** Defaults for English and Chinese UIs; callers pass their own sets to configure them. */
export const DEFAULT_FIELD_LABELS: Readonly<Record<FieldKey, readonly string[]>> = {
  owner: ['Account Owner', 'Owner', 'Company owner', '负责人', '客户负责人', '所有人'],
  contractEnd: ['Contract End Date', 'Renewal Date', 'Contract end', '合同到期日', '到期日期', '续约日期'],
  annualValue: ['Annual Revenue', 'ARR', 'Annual value', '年度合同额', '年合同额'],
};

export type FieldLabels = Readonly<Record<FieldKey, readonly string[]>>;

/** The defaults plus the labels a user added in the options (their CRM's wording or language). */
export function withExtraLabels(extra: LabelSets | undefined): FieldLabels {
  const out = { ...DEFAULT_FIELD_LABELS };
  for (const key of Object.keys(out) as FieldKey[]) {
    const more = extra?.[key]?.filter((l) => l.trim()) ?? [];
    if (more.length) out[key] = [...out[key], ...more];
  }
  return out;
}

// Inputs that hold a typed value; a checkbox's or button's value is not what the user sees.
const FORM_CONTROL = 'input:not([type="hidden"],[type="checkbox"],[type="radio"],[type="button"],[type="submit"]),textarea,select';
// A select's text is all its options: neither labels nor, except the chosen one, values.
const TEXT_SKIP = `${NOT_CONTENT},select`;
// Values longer than this are a container swept up by mistake, not a field value.
const MAX_VALUE = 200;

/** Label text as compared: whitespace collapsed, required marks and a trailing colon dropped. */
function norm(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/^\*\s*/, '').replace(/\s*[*:：]+$/, '').toLowerCase();
}

/** What a value slot shows: its text, or the value of the form control it holds. */
function slotValue(el: Element): string | undefined {
  const control = el.matches(FORM_CONTROL) ? el : el.querySelector(FORM_CONTROL);
  let text = el === control ? undefined : contentText(el, TEXT_SKIP);
  if (!text && control) {
    const c = control as HTMLInputElement | HTMLSelectElement;
    text = c.tagName === 'SELECT' ? (c as HTMLSelectElement).selectedOptions[0]?.text : c.value;
    text = text?.replace(/\s+/g, ' ').trim();
  }
  // "--" and "—" are how CRMs draw an empty field.
  return text && text.length <= MAX_VALUE && /[\p{L}\p{N}]/u.test(text) ? text : undefined;
}

function contentSibling(el: Element, dir: 'nextElementSibling' | 'previousElementSibling'): Element | null {
  let s = el[dir];
  while (s && s.matches(NOT_CONTENT)) s = s[dir];
  return s;
}

/**
 * The value belonging to a label element. Climbs from the label to the first
 * ancestor level that has content siblings and reads only the adjacent one:
 * the next sibling (label above/left of value), else, when the pair stands
 * alone, the previous one (value above label, as in header tiles). It never
 * looks further, so an empty field does not borrow a neighbour's value.
 */
function valueFor(label: Element, root: ParentNode, isLabel: (t: string) => boolean): LabelledValue | undefined {
  let node: Element | null = label;
  for (let depth = 0; node && node !== root && depth < 4; depth++) {
    const next = contentSibling(node, 'nextElementSibling');
    const prev = contentSibling(node, 'previousElementSibling');
    if (next || prev) {
      // A label closing a longer row (…, value, label) has lost its value; the
      // cell before it belongs to another field.
      if (!next && contentSibling(prev!, 'previousElementSibling')) return undefined;
      const slot = next ?? prev!;
      // A header cell next to a header cell is a table heading, not a field.
      if (slot.tagName === 'TH') return undefined;
      const value = slotValue(slot);
      return value && !isLabel(value) ? { value, slot } : undefined;
    }
    node = node.parentElement;
  }
  return undefined;
}

/** A field's value and the element that shows it (where its links are). */
export interface LabelledValue {
  value: string;
  slot: Element;
}

/**
 * Pure: reads label/value pairs under `root`. For each key, the first label in
 * document order that has a value wins. Hidden subtrees are skipped.
 */
export function readLabelledSlots<K extends string = FieldKey>(
  root: ParentNode | null | undefined,
  labels: LabelSets<K>,
): Partial<Record<K, LabelledValue>> {
  const out: Partial<Record<K, LabelledValue>> = {};
  if (!root) return out;
  const byLabel = new Map<string, K>();
  for (const key of Object.keys(labels) as K[]) {
    for (const label of labels[key] ?? []) {
      const n = norm(label);
      if (n && !byLabel.has(n)) byLabel.set(n, key);
    }
  }
  const isLabel = (t: string) => byLabel.has(norm(t));
  let left = new Set(byLabel.values()).size;
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c && left > 0; c = c.nextSibling) {
      if (c.nodeType === 1) {
        if (!(c as Element).matches(TEXT_SKIP)) walk(c);
      } else if (c.nodeType === 3 && c.parentElement) {
        const key = byLabel.get(norm(c.nodeValue ?? ''));
        if (key === undefined || out[key] !== undefined) continue;
        const found = valueFor(c.parentElement, root, isLabel);
        if (found) {
          out[key] = found;
          left--;
        }
      }
    }
  };
  walk(root);
  return out;
}

/** Pure: the values of readLabelledSlots, as text. */
export function readLabelledFields<K extends string = FieldKey>(
  root: ParentNode | null | undefined,
  labels: LabelSets<K>,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  const slots = readLabelledSlots(root, labels);
  for (const key of Object.keys(slots) as K[]) out[key] = slots[key]!.value;
  return out;
}
