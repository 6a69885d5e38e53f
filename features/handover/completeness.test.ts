import { canSubmit, handoverCompleteness, HANDOVER_ITEMS, HANDOVER_SECTIONS } from './completeness';
import { HandoverSchema, type Handover } from '../../data/model/records';

const T = '2026-11-20T09:00:00.000Z';
const FULL: Handover = {
  id: 'h-1',
  accountId: 'acc-1',
  createdAt: T,
  updatedAt: T,
  status: 'draft',
  basics: { industry: 'Manufacturing', size: '800 employees', locations: 'Suzhou, Shanghai' },
  bought: { products: 'Analytics Pro', seats: 120, termMonths: 12, value: 48_000 },
  technical: 'SSO via Azure AD; nightly ERP export',
  outcomes: ['Cut month-end close from 10 days to 5'],
  keyPeople: [
    { role: 'boss', name: 'Wang Lei', contact: 'wang.lei@example.cn' },
    { role: 'champion', name: 'Li Na' },
  ],
  promises: ['Custom export to SAP by March'],
  fitRisks: ['No in-house admin yet'],
};
const sectionCounts = (h: Partial<Handover>) => handoverCompleteness(h).sections.map((s) => [s.section, s.done, s.total]);

describe('handover checklist', () => {
  it('has fifteen items in seven sections that cover each item exactly once, in checklist order', () => {
    expect(HANDOVER_ITEMS).toHaveLength(15);
    expect(Object.keys(HANDOVER_SECTIONS)).toEqual(['basics', 'bought', 'technical', 'outcomes', 'people', 'promises', 'risks']);
    expect(Object.values(HANDOVER_SECTIONS).flat()).toEqual([...HANDOVER_ITEMS]);
  });
});

describe('handoverCompleteness', () => {
  it('scores an empty handover 0% with every item missing', () => {
    const c = handoverCompleteness({});
    expect(c.percent).toBe(0);
    expect(c.done).toEqual([]);
    expect(c.missing).toEqual([...HANDOVER_ITEMS]);
    expect(sectionCounts({})).toEqual([
      ['basics', 0, 3],
      ['bought', 0, 4],
      ['technical', 0, 1],
      ['outcomes', 0, 2],
      ['people', 0, 3],
      ['promises', 0, 1],
      ['risks', 0, 1],
    ]);
  });

  it('scores a complete (schema-valid) handover 100%', () => {
    expect(HandoverSchema.parse(FULL)).toEqual(FULL);
    const c = handoverCompleteness(FULL);
    expect(c.percent).toBe(100);
    expect(c.done).toEqual([...HANDOVER_ITEMS]);
    expect(c.missing).toEqual([]);
    expect(c.sections.every((s) => s.done === s.total)).toBe(true);
  });

  it('does not count whitespace-only text, blank list entries or blank names', () => {
    const c = handoverCompleteness({
      basics: { industry: '   ', size: '\n\t', locations: '' },
      bought: { products: ' \u3000 ' },
      technical: '  ',
      outcomes: ['', '   '],
      keyPeople: [{ role: 'boss', name: '  ', contact: 'x@example.com' }, { role: 'champion', name: '\t' }],
      promises: [' '],
      fitRisks: ['', '\n'],
    });
    expect(c.done).toEqual([]);
    expect(c.percent).toBe(0);
  });

  it('counts seats, term and value only when they are finite and above zero', () => {
    expect(handoverCompleteness({ bought: { seats: 0, termMonths: -12, value: Number.NaN } }).done).toEqual([]);
    expect(handoverCompleteness({ bought: { seats: Number.POSITIVE_INFINITY, termMonths: 0, value: 0 } }).done).toEqual([]);
    expect(handoverCompleteness({ bought: { seats: 1, termMonths: 24, value: 0.5 } }).done).toEqual(['seats', 'term', 'value']);
  });

  it('needs a number in at least one outcome for the outcomes to be measurable', () => {
    const items = (outcomes: string[]) => handoverCompleteness({ outcomes }).done;
    expect(items(['Faster onboarding', 'Happier finance team'])).toEqual(['outcomes']);
    expect(items(['Faster onboarding', 'Cut ticket volume by 30%'])).toEqual(['outcomes', 'outcomesMeasurable']);
    expect(items(['工单量减少３成'])).toEqual(['outcomes', 'outcomesMeasurable']); // full-width digit
    expect(items(['', '  '])).toEqual([]);
  });

  it('finds the boss, the boss contact and the champion among the key people', () => {
    const people = (keyPeople: Handover['keyPeople']) => handoverCompleteness({ keyPeople }).done;
    expect(people([{ role: 'boss', name: 'Wang Lei' }])).toEqual(['boss']);
    expect(people([{ role: 'boss', name: 'Wang Lei', contact: '  ' }])).toEqual(['boss']);
    // A contact written on someone else is not the boss's contact.
    expect(people([{ role: 'boss', name: 'Wang Lei' }, { role: 'champion', name: 'Li Na', contact: 'li@example.cn' }])).toEqual(['boss', 'champion']);
    // Two bosses, one of them reachable, is enough.
    expect(people([{ role: 'boss', name: 'A' }, { role: 'boss', name: 'B', contact: '+86 138 0000 0000' }])).toEqual(['boss', 'bossContact']);
    expect(people([{ role: 'user', name: 'Zhao' }, { role: 'other', name: 'Qian', contact: 'q@example.cn' }])).toEqual([]);
  });

  it('counts items per section and rounds the percentage to a whole number', () => {
    const h: Partial<Handover> = { basics: { industry: 'Retail', size: '50' }, bought: { products: 'Starter' } };
    // 3 of 15 items = 20%.
    expect(handoverCompleteness(h).percent).toBe(20);
    expect(sectionCounts(h).slice(0, 3)).toEqual([['basics', 2, 3], ['bought', 1, 4], ['technical', 0, 1]]);
    // 1 of 15 = 6.67% → 7; 2 of 15 = 13.33% → 13.
    expect(handoverCompleteness({ technical: 'SSO' }).percent).toBe(7);
    expect(handoverCompleteness({ technical: 'SSO', fitRisks: ['Small team'] }).percent).toBe(13);
    const missingOne = handoverCompleteness({ ...FULL, fitRisks: [] });
    // 14 of 15 = 93.33% → 93.
    expect(missingOne.percent).toBe(93);
    expect(missingOne.missing).toEqual(['fitRisks']);
    expect(sectionCounts({ ...FULL, fitRisks: [] }).at(-1)).toEqual(['risks', 0, 1]);
  });
});

describe('canSubmit', () => {
  const base: Partial<Handover> = {
    bought: { products: 'Analytics Pro' },
    outcomes: ['Close the books faster'],
    keyPeople: [{ role: 'boss', name: 'Wang Lei', contact: 'wang.lei@example.cn' }],
  };
  it('allows submission with products, outcomes and a reachable boss, even at a low percentage', () => {
    const c = handoverCompleteness(base);
    expect(c.percent).toBe(27); // 4 of 15 = 26.67%
    expect(canSubmit(c)).toBe(true);
    expect(canSubmit(handoverCompleteness(FULL))).toBe(true);
  });
  it('refuses when any of the four essentials is missing, however complete the rest is', () => {
    expect(canSubmit(handoverCompleteness({}))).toBe(false);
    expect(canSubmit(handoverCompleteness({ ...FULL, bought: { ...FULL.bought, products: ' ' } }))).toBe(false);
    expect(canSubmit(handoverCompleteness({ ...FULL, outcomes: [] }))).toBe(false);
    expect(canSubmit(handoverCompleteness({ ...FULL, keyPeople: [{ role: 'champion', name: 'Li Na' }] }))).toBe(false);
    expect(canSubmit(handoverCompleteness({ ...base, keyPeople: [{ role: 'boss', name: 'Wang Lei' }] }))).toBe(false);
  });
});
