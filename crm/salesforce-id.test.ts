import { toSalesforceId18 } from './salesforce-id';

describe('toSalesforceId18', () => {
  it('appends the case-safe suffix to a 15-character id', () => {
    // The documented example pair from Salesforce.
    expect(toSalesforceId18('001D000000IqhSL')).toBe('001D000000IqhSLIAZ');
  });
  it('keeps a correct 18-character id', () => {
    expect(toSalesforceId18('001D000000IqhSLIAZ')).toBe('001D000000IqhSLIAZ');
  });
  it('restores the case of an 18-character id that lost it', () => {
    expect(toSalesforceId18('001d000000iqhsliaz')).toBe('001D000000IqhSLIAZ');
    expect(toSalesforceId18('001D000000IQHSLIAZ')).toBe('001D000000IqhSLIAZ');
  });
  it('tells different-case 15-character ids apart', () => {
    expect(toSalesforceId18('001d000000iqhsl')).not.toBe(toSalesforceId18('001D000000IqhSL'));
  });
  it('rejects what is not an id', () => {
    for (const bad of ['', '001', '001D000000IqhS!', '001D000000IqhSLIA', '001D000000IqhSLIAZZ']) {
      expect(toSalesforceId18(bad)).toBeNull();
    }
  });
  it('trims surrounding white space', () => {
    expect(toSalesforceId18(' 001D000000IqhSL\n')).toBe('001D000000IqhSLIAZ');
  });
});
