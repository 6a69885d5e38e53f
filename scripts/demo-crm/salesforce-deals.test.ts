// @vitest-environment jsdom
import { detectDeal, linkedAccountRef } from '../../crm/deal-detect';
import { DEMO_HOST, demoCrmRecords, UNKNOWN_ID } from './records';
import { salesforcePage, salesforceStage } from './salesforce';
import { DEAL_IN_BOOK_ID, DEAL_NOT_IN_BOOK_ID, DEAL_UNLINKED_ID, dealPath } from './salesforce-deals';

const all = demoCrmRecords(new Date('2026-12-01T10:00:00Z')).filter((r) => r.crm === 'salesforce');
const read = (id: string) => {
  const stage = salesforceStage(dealPath(id), all);
  expect(stage, id).not.toBeNull();
  const doc = new DOMParser().parseFromString(salesforcePage(stage!), 'text/html');
  return detectDeal(`https://${DEMO_HOST}${dealPath(id)}`, doc)!;
};

describe('the demo org’s opportunities, as the deal reader sees them', () => {
  it('an expansion of Acme Analytics, in the demo book, with its amount in dollars', () => {
    const deal = read(DEAL_IN_BOOK_ID);
    const acme = all.find((r) => r.name === 'Acme Analytics')!;
    expect(deal).toMatchObject({ recordId: DEAL_IN_BOOK_ID, name: 'Acme Analytics 2027 expansion', amount: { amount: 48000, currency: 'USD' } });
    expect(linkedAccountRef(deal)).toEqual({ crm: 'salesforce', recordId: acme.recordId, orgKey: 'acme-demo', name: 'Acme Analytics' });
  });

  it('a pilot of an account the book does not hold, and a lead whose account links nowhere', () => {
    expect(linkedAccountRef(read(DEAL_NOT_IN_BOOK_ID))?.recordId).toBe(UNKNOWN_ID);
    expect(read(DEAL_NOT_IN_BOOK_ID).amount).toMatchObject({ amount: 9500, currency: 'EUR' });
    const unlinked = read(DEAL_UNLINKED_ID);
    expect(unlinked.account).toEqual({ name: 'Fabrikam (typed in)' });
    expect(linkedAccountRef(unlinked)).toBeNull();
  });

  it('no page for an opportunity the org does not have', () => {
    expect(salesforceStage(dealPath('006Dm00000Op999AAA'), all)).toBeNull();
  });
});
