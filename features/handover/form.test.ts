import { formOf, handoverFields, handoverId, type HandoverForm } from './form';
import type { Handover } from '../../data/model/records';

/** Every field the form edits. */
const FULL: Partial<Handover> = {
  basics: { industry: 'Retail', size: '500-1000', locations: 'Shanghai, Beijing' },
  bought: { products: 'Analytics Pro', seats: 120, termMonths: 24, value: 12000.5 },
  technical: 'SSO through Azure AD',
  outcomes: ['Cut reporting time in half', 'One view of stock'],
  keyPeople: [
    { role: 'boss', name: 'Wang Fang', contact: 'wang@example.com' },
    { role: 'champion', name: 'Li Lei' },
  ],
  promises: ['Custom export by March'],
  fitRisks: ['No IT team', 'Legacy ERP'],
  salesCycleDays: 95,
  implementationWeeks: 6,
};

const form = (over: Partial<HandoverForm> = {}): HandoverForm => ({ ...formOf(undefined), ...over });
const errorsOf = (f: HandoverForm) => {
  const r = handoverFields(f);
  return r.ok ? {} : r.errors;
};
const valueOf = (f: HandoverForm) => {
  const r = handoverFields(f);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  return r.value;
};

describe('formOf', () => {
  it('writes a handover as text, lists one item per line', () => {
    expect(formOf(FULL)).toEqual({
      industry: 'Retail',
      size: '500-1000',
      locations: 'Shanghai, Beijing',
      products: 'Analytics Pro',
      seats: '120',
      termMonths: '24',
      value: '12000.5',
      technical: 'SSO through Azure AD',
      outcomes: 'Cut reporting time in half\nOne view of stock',
      people: [
        { role: 'boss', name: 'Wang Fang', contact: 'wang@example.com' },
        { role: 'champion', name: 'Li Lei', contact: '' },
      ],
      promises: 'Custom export by March',
      fitRisks: 'No IT team\nLegacy ERP',
      salesCycleDays: '95',
      implementationWeeks: '6',
    });
  });
  it('writes zero as 0, not as empty', () => {
    expect(formOf({ bought: { seats: 0 }, salesCycleDays: 0 })).toMatchObject({ seats: '0', salesCycleDays: '0', termMonths: '' });
  });
});

describe('handoverFields', () => {
  it('reads back what formOf wrote', () => {
    expect(valueOf(formOf(FULL))).toEqual(FULL);
  });
  it('gives an empty object for an empty form', () => {
    expect(handoverFields(formOf(undefined))).toEqual({ ok: true, value: {} });
    expect(handoverFields(form({ industry: '  ', outcomes: '\n \n', people: [{ role: 'user', name: ' ', contact: ' ' }] }))).toEqual({ ok: true, value: {} });
  });
  it('keeps only the filled fields of a partial draft', () => {
    expect(valueOf(form({ industry: ' Retail ', seats: '10', implementationWeeks: '0' }))).toEqual({
      basics: { industry: 'Retail' },
      bought: { seats: 10 },
      implementationWeeks: 0,
    });
  });
  it('refuses a whole-number field that is not a whole number', () => {
    for (const s of ['1.5', '-3', 'abc', '1e3', '12,000']) {
      expect(errorsOf(form({ seats: s })), s).toEqual({ seats: 'wholeNumber' });
      expect(errorsOf(form({ salesCycleDays: s })), s).toEqual({ salesCycleDays: 'wholeNumber' });
    }
    expect(errorsOf(form({ termMonths: '12 months', implementationWeeks: '2.5' }))).toEqual({ termMonths: 'wholeNumber', implementationWeeks: 'wholeNumber' });
    expect(valueOf(form({ termMonths: ' 12 ' }))).toEqual({ bought: { termMonths: 12 } });
  });
  it('reads an amount with ASCII or Chinese thousands separators', () => {
    expect(valueOf(form({ value: '12,000' }))).toEqual({ bought: { value: 12000 } });
    expect(valueOf(form({ value: '12，000' }))).toEqual({ bought: { value: 12000 } });
    expect(valueOf(form({ value: '1,234,567.89' }))).toEqual({ bought: { value: 1234567.89 } });
  });
  it('refuses an amount in exponent form, negative or not a number', () => {
    for (const s of ['1e5', '-100', 'abc', '12.', '$100']) expect(errorsOf(form({ value: s })), s).toEqual({ value: 'amount' });
  });
  it('refuses a key person with a contact but no name, by row, and drops blank rows', () => {
    const people: HandoverForm['people'] = [
      { role: 'boss', name: ' ', contact: ' ' },
      { role: 'champion', name: '  ', contact: 'li@example.com' },
      { role: 'user', name: 'Chen Jing', contact: '' },
    ];
    expect(errorsOf(form({ people }))).toEqual({ 'person.1': 'personName' });
    expect(valueOf(form({ people: [people[0]!, people[2]!, { role: 'other', name: ' Sun Li ', contact: ' 138 0000 0000 ' }] }))).toEqual({
      keyPeople: [
        { role: 'user', name: 'Chen Jing' },
        { role: 'other', name: 'Sun Li', contact: '138 0000 0000' },
      ],
    });
  });
  it('splits lists per line, trimmed, blank lines dropped', () => {
    expect(valueOf(form({ outcomes: ' First \n\n  \nSecond\r\n', promises: 'One\n', fitRisks: '\nRisk' }))).toEqual({
      outcomes: ['First', 'Second'],
      promises: ['One'],
      fitRisks: ['Risk'],
    });
  });
  it('reports every error at once', () => {
    const f = form({ seats: '1.5', value: '1e5', implementationWeeks: 'abc', people: [{ role: 'boss', name: '', contact: 'x' }], industry: 'Retail' });
    expect(errorsOf(f)).toEqual({ seats: 'wholeNumber', value: 'amount', implementationWeeks: 'wholeNumber', 'person.0': 'personName' });
  });
});

describe('handoverId', () => {
  it('is one per account', () => {
    expect(handoverId('acc-1')).toBe('handover:acc-1');
  });
});

describe('handoverFields: limits of the record', () => {
  it('refuses whole numbers larger than the record takes, and accepts the largest allowed', () => {
    const r = handoverFields(form({ salesCycleDays: '3651', implementationWeeks: '521', termMonths: '1201' }));
    expect(r).toEqual({ ok: false, errors: { salesCycleDays: 'tooLarge', implementationWeeks: 'tooLarge', termMonths: 'tooLarge' } });
    expect(handoverFields(form({ salesCycleDays: '3650', implementationWeeks: '520' }))).toEqual({ ok: true, value: { salesCycleDays: 3650, implementationWeeks: 520 } });
  });
});
