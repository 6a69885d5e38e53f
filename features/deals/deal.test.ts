import { dealFacts, dealLink } from './deal';

describe('a deal page’s account', () => {
  const ref = { crm: 'salesforce' as const, recordId: '001D000000IqhSLIAZ' };
  it('is unlinked without an account reference, loading until looked up, then in the data or not', () => {
    expect(dealLink(null, undefined)).toBe('no_link');
    expect(dealLink(null, { id: 'a1' })).toBe('no_link');
    expect(dealLink(ref, undefined)).toBe('loading');
    expect(dealLink(ref, null)).toBe('not_in_data');
    expect(dealLink(ref, { id: 'a1' })).toBe('in_data');
  });
});

describe('the deal’s facts for when CS joins', () => {
  it('the amount is the value; cycle and implementation come from the handover when filled in', () => {
    expect(dealFacts({ amount: { amount: 48000, currency: 'USD', text: '$48,000' } })).toEqual({ value: 48000, currency: 'USD' });
    expect(dealFacts({ amount: { amount: 9000, text: '9,000' } }, { salesCycleDays: 20, implementationWeeks: 2 })).toEqual({ value: 9000, salesCycleDays: 20, implementationWeeks: 2 });
    expect(dealFacts({}, { salesCycleDays: 90 })).toEqual({ salesCycleDays: 90 });
    expect(dealFacts({ amount: { amount: Number.NaN, text: '?' } })).toEqual({});
  });
});
