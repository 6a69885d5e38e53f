import { toSalesforceId18 } from '../../crm/salesforce-id';
import { esc } from './html';
import { UNKNOWN_ID, type CrmRecord } from './records';
import type { Stage } from './salesforce';

/** An opportunity of the demo Salesforce org, linked to one of its accounts (or to none: a typed name only). */
export interface CrmDeal {
  recordId: string;
  name: string;
  amount: string;
  /** The account's record id; absent: the Account Name field shows a name that links nowhere. */
  accountId?: string;
  accountName: string;
}

export const DEAL_IN_BOOK_ID = toSalesforceId18('006Dm00000Op001')!;
export const DEAL_NOT_IN_BOOK_ID = toSalesforceId18('006Dm00000Op002')!;
export const DEAL_UNLINKED_ID = toSalesforceId18('006Dm00000Op003')!;

/**
 * The demo org's opportunities: a large expansion of an account in the demo
 * book (CS joins at about 70%), a small deal of an account Account Lens does
 * not know, and one whose account field links to no record.
 */
export function demoCrmDeals(all: CrmRecord[]): CrmDeal[] {
  const acme = all.find((r) => r.name === 'Acme Analytics');
  return [
    ...(acme ? [{ recordId: DEAL_IN_BOOK_ID, name: 'Acme Analytics 2027 expansion', amount: 'USD 48,000.00', accountId: acme.recordId, accountName: acme.name }] : []),
    { recordId: DEAL_NOT_IN_BOOK_ID, name: 'Contoso Pharma pilot', amount: 'EUR 9.500,00', accountId: UNKNOWN_ID, accountName: 'Contoso Pharma' },
    { recordId: DEAL_UNLINKED_ID, name: 'Walk-in trade fair lead', amount: '$12,000.00', accountName: 'Fabrikam (typed in)' },
  ];
}

export const dealPath = (id: string) => `/lightning/r/Opportunity/${id}/view`;

function item(label: string, value: string): string {
  return `<records-record-layout-item field-label="${esc(label)}"><div class="slds-form-element"><span class="test-id__field-label">${esc(label)}</span><div class="test-id__field-value">${value}</div></div></records-record-layout-item>`;
}

/** An opportunity's record page: its name, Account Name (a lookup link when linked), Amount, stage. */
export function dealStage(d: CrmDeal): Stage {
  const account = d.accountId
    ? `<force-lookup><a data-spa href="/lightning/r/Account/${d.accountId}/view">${esc(d.accountName)}</a></force-lookup>`
    : `<lightning-formatted-text>${esc(d.accountName)}</lightning-formatted-text>`;
  return {
    title: `${d.name} | Opportunity | Salesforce`,
    recordId: d.recordId,
    html: `<div class="windowViewMode-normal oneContent active" data-record-id="${d.recordId}">
<records-lwc-highlights-panel><records-highlights2><div class="slds-page-header">
<h1><div class="entityNameTitle">Opportunity</div><div class="slds-page-header__title"><lightning-formatted-text>${esc(d.name)}</lightning-formatted-text></div></h1>
</div></records-highlights2></records-lwc-highlights-panel>
<div class="record-layout">${item('Account Name', account)}${item('Amount', `<lightning-formatted-number>${esc(d.amount)}</lightning-formatted-number>`)}${item('Stage', '<lightning-formatted-text>Negotiation/Review</lightning-formatted-text>')}${item('Close Date', '<lightning-formatted-text>in 3 weeks</lightning-formatted-text>')}</div>
</div>`,
  };
}

export function dealListStage(deals: CrmDeal[]): Stage {
  return {
    title: 'Opportunities | Salesforce',
    html: `<div class="windowViewMode-normal oneContent active" data-page="list"><h1>Opportunities: Recently Viewed</h1><table class="slds-table"><thead><tr><th>Opportunity Name</th><th>Account Name</th><th>Amount</th></tr></thead><tbody>${deals
      .map((d) => `<tr><td><a data-spa href="${dealPath(d.recordId)}">${esc(d.name)}</a></td><td>${esc(d.accountName)}</td><td>${esc(d.amount)}</td></tr>`)
      .join('')}</tbody></table></div>`,
  };
}
