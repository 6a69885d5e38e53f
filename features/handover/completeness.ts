import type { Handover } from '../../data/model/records';

/**
 * The handover checklist agreed by sales and customer success: what a CSM
 * needs to know about a newly signed customer. Every item weighs the same in
 * the completeness meter.
 */
export const HANDOVER_ITEMS = [
  // Customer basics.
  'industry',
  'size',
  'locations',
  // What was bought.
  'products',
  'seats',
  'term',
  'value',
  // Technical requirements.
  'technical',
  // Expected outcomes; at least one of them contains a number, so it can be measured.
  'outcomes',
  'outcomesMeasurable',
  // Key people: the boss (the key person), a way to reach the boss, a champion.
  'boss',
  'bossContact',
  'champion',
  // At least one promise written down; at least one fit risk assessed.
  'promises',
  'fitRisks',
] as const;
export type HandoverItem = (typeof HANDOVER_ITEMS)[number];

export type HandoverSection = 'basics' | 'bought' | 'technical' | 'outcomes' | 'people' | 'promises' | 'risks';

/** The checklist's sections, in the order the handover form shows them. */
export const HANDOVER_SECTIONS: Record<HandoverSection, readonly HandoverItem[]> = {
  basics: ['industry', 'size', 'locations'],
  bought: ['products', 'seats', 'term', 'value'],
  technical: ['technical'],
  outcomes: ['outcomes', 'outcomesMeasurable'],
  people: ['boss', 'bossContact', 'champion'],
  promises: ['promises'],
  risks: ['fitRisks'],
};

export interface Completeness {
  /** 0..100, a whole number. */
  percent: number;
  /** Items in checklist order. */
  done: HandoverItem[];
  missing: HandoverItem[];
  sections: { section: HandoverSection; done: number; total: number }[];
}

/** Text counts only with something other than whitespace in it. */
const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
/** A count or amount counts when it is a real, positive number. */
const positive = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v > 0;
const entries = (v: unknown): string[] => (Array.isArray(v) ? v.filter(filled) : []);
/** Any digit, including full-width ones: "raise renewal rate to 90%", "工单减少３成". */
const HAS_NUMBER = /\p{Nd}/u;

type Person = NonNullable<Handover['keyPeople']>[number];
const people = (h: Partial<Handover>, role: Person['role']): Person[] =>
  (Array.isArray(h.keyPeople) ? h.keyPeople : []).filter((p) => p != null && p.role === role && filled(p.name));

/** Which checklist items a (possibly partial) handover covers. */
function itemStates(h: Partial<Handover>): Record<HandoverItem, boolean> {
  const outcomes = entries(h.outcomes);
  const bosses = people(h, 'boss');
  return {
    industry: filled(h.basics?.industry),
    size: filled(h.basics?.size),
    locations: filled(h.basics?.locations),
    products: filled(h.bought?.products),
    seats: positive(h.bought?.seats),
    term: positive(h.bought?.termMonths),
    value: positive(h.bought?.value),
    technical: filled(h.technical),
    outcomes: outcomes.length > 0,
    outcomesMeasurable: outcomes.some((o) => HAS_NUMBER.test(o)),
    boss: bosses.length > 0,
    bossContact: bosses.some((p) => filled(p.contact)),
    champion: people(h, 'champion').length > 0,
    promises: entries(h.promises).length > 0,
    fitRisks: entries(h.fitRisks).length > 0,
  };
}

/** The completeness meter of a handover: overall percentage, item lists and per-section counts. */
export function handoverCompleteness(h: Partial<Handover>): Completeness {
  const state = itemStates(h ?? {});
  const done = HANDOVER_ITEMS.filter((i) => state[i]);
  const missing = HANDOVER_ITEMS.filter((i) => !state[i]);
  const sections = (Object.keys(HANDOVER_SECTIONS) as HandoverSection[]).map((section) => {
    const items = HANDOVER_SECTIONS[section];
    return { section, done: items.filter((i) => state[i]).length, total: items.length };
  });
  return { percent: Math.round((100 * done.length) / HANDOVER_ITEMS.length), done, missing, sections };
}

/**
 * The items a CSM cannot start work without: what the customer bought, what
 * they expect to achieve, who the boss is and how to reach them. The rest of
 * the checklist can be completed after submission.
 */
export const REQUIRED_FOR_SUBMIT: readonly HandoverItem[] = ['products', 'outcomes', 'boss', 'bossContact'];

/** Whether sales may submit the handover: every item in REQUIRED_FOR_SUBMIT is done. */
export function canSubmit(c: Completeness): boolean {
  return REQUIRED_FOR_SUBMIT.every((i) => c.done.includes(i));
}
