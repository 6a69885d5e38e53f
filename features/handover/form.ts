import type { Handover, Person } from '../../data/model/records';

/** The handover form as typed: text everywhere, lists one item per line. */
export interface HandoverForm {
  industry: string;
  size: string;
  locations: string;
  products: string;
  seats: string;
  termMonths: string;
  value: string;
  technical: string;
  outcomes: string;
  /** Key person rows; what the form does not show (id, stance, leaving day) is carried through unchanged. */
  people: ({ role: Person['role']; name: string; contact: string } & Pick<Person, 'id' | 'stance' | 'leftAt'>)[];
  promises: string;
  fitRisks: string;
  salesCycleDays: string;
  implementationWeeks: string;
}

export type HandoverNumberField = 'seats' | 'termMonths' | 'value' | 'salesCycleDays' | 'implementationWeeks';
/** Why a field is refused; the UI words it (handover.error.<code>). */
export type HandoverFormError = 'wholeNumber' | 'tooLarge' | 'amount' | 'personName';

/** The largest value each whole-number field takes (the record's limits). */
const MAX: Record<'seats' | 'termMonths' | 'salesCycleDays' | 'implementationWeeks', number> = {
  seats: 9_999_999, termMonths: 1200, salesCycleDays: 3650, implementationWeeks: 520,
};

const lines = (s: string): string[] => s.split('\n').map((x) => x.trim()).filter(Boolean);
const num = (n: number | undefined): string => (n === undefined ? '' : String(n));

export function formOf(h: Partial<Handover> | undefined): HandoverForm {
  return {
    industry: h?.basics?.industry ?? '',
    size: h?.basics?.size ?? '',
    locations: h?.basics?.locations ?? '',
    products: h?.bought?.products ?? '',
    seats: num(h?.bought?.seats),
    termMonths: num(h?.bought?.termMonths),
    value: num(h?.bought?.value),
    technical: h?.technical ?? '',
    outcomes: (h?.outcomes ?? []).join('\n'),
    people: (h?.keyPeople ?? []).map((p) => ({ ...p, contact: p.contact ?? '' })),
    promises: (h?.promises ?? []).join('\n'),
    fitRisks: (h?.fitRisks ?? []).join('\n'),
    salesCycleDays: num(h?.salesCycleDays),
    implementationWeeks: num(h?.implementationWeeks),
  };
}

/**
 * The handover fields of a form, or the errors by field. Empty fields are
 * left out (a draft may be partial); numbers must be whole (seats, months,
 * days, weeks) or a non-negative amount (value, "12,000" accepted); a key
 * person row with a contact or role but no name is refused, a blank row dropped.
 */
export function handoverFields(
  form: HandoverForm,
): { ok: true; value: Partial<Handover> } | { ok: false; errors: Partial<Record<HandoverNumberField | `person.${number}`, HandoverFormError>> } {
  const errors: Partial<Record<HandoverNumberField | `person.${number}`, HandoverFormError>> = {};
  const whole = (k: keyof typeof MAX): number | undefined => {
    const s = form[k].trim();
    if (!s) return undefined;
    if (!/^\d{1,7}$/.test(s)) {
      errors[k] = 'wholeNumber';
      return undefined;
    }
    if (Number(s) > MAX[k]) {
      errors[k] = 'tooLarge';
      return undefined;
    }
    return Number(s);
  };
  const amount = (k: HandoverNumberField): number | undefined => {
    const s = form[k].trim().replace(/[,，\s]/g, '');
    if (!s) return undefined;
    const n = Number(s);
    if (!/^\d+(\.\d+)?$/.test(s) || !Number.isFinite(n) || n > 1e12) {
      errors[k] = 'amount';
      return undefined;
    }
    return n;
  };
  const seats = whole('seats');
  const termMonths = whole('termMonths');
  const value = amount('value');
  const salesCycleDays = whole('salesCycleDays');
  const implementationWeeks = whole('implementationWeeks');
  const keyPeople = form.people.flatMap(({ name: typedName, contact: typedContact, ...kept }, i): Person[] => {
    const name = typedName.trim();
    const contact = typedContact.trim();
    if (!name && !contact) return [];
    if (!name) {
      errors[`person.${i}`] = 'personName';
      return [];
    }
    return [{ ...kept, name, ...(contact ? { contact } : {}) }];
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const text = (s: string) => s.trim() || undefined;
  const basics = { industry: text(form.industry), size: text(form.size), locations: text(form.locations) };
  const bought = { products: text(form.products), seats, termMonths, value };
  const defined = <T extends object>(o: T): Partial<T> | undefined => {
    const kept = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
    return Object.keys(kept).length > 0 ? kept : undefined;
  };
  const value_: Partial<Handover> = {};
  const b = defined(basics);
  if (b) value_.basics = b;
  const bo = defined(bought);
  if (bo) value_.bought = bo;
  if (text(form.technical)) value_.technical = form.technical.trim();
  if (lines(form.outcomes).length) value_.outcomes = lines(form.outcomes);
  if (keyPeople.length) value_.keyPeople = keyPeople;
  if (lines(form.promises).length) value_.promises = lines(form.promises);
  if (lines(form.fitRisks).length) value_.fitRisks = lines(form.fitRisks);
  if (salesCycleDays !== undefined) value_.salesCycleDays = salesCycleDays;
  if (implementationWeeks !== undefined) value_.implementationWeeks = implementationWeeks;
  return { ok: true, value: value_ };
}

export { handoverId } from '../../data/model/handover';
