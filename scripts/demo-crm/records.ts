import { demoAccounts, DEMO_ORG } from '../../platform/demo/accounts';
import { localDate } from '../../shared/dates/local-date';
import { toSalesforceId18 } from '../../crm/salesforce-id';
import type { CrmId } from '../../crm/types';

/** A record as the demo CRM shows it (the CRM's own data, not Account Lens's). */
export interface CrmRecord {
  crm: CrmId;
  recordId: string;
  name: string;
  owner: string;
  contractEnd?: string;
  annualRevenue?: string;
}

/**
 * The demo CRM's accounts: the demo book, plus records Account Lens does not
 * know yet (to show the "add it" state), one of them with a hostile name.
 */
export function demoCrmRecords(now = new Date()): CrmRecord[] {
  const known = demoAccounts(localDate(now)).map((a) => ({
    crm: a.crm,
    recordId: a.recordId,
    name: a.name,
    owner: a.owner ?? '',
    contractEnd: a.contractEnd,
    annualRevenue: a.arr !== undefined ? `${a.currency ?? 'USD'} ${a.arr.toLocaleString('en-US')}` : undefined,
  }));
  return [
    ...known,
    { crm: 'salesforce', recordId: UNKNOWN_ID, name: 'Contoso Pharma', owner: 'Maya Chen' },
    { crm: 'salesforce', recordId: HOSTILE_ID, name: HOSTILE_NAME, owner: 'Tom Becker' },
  ];
}

export const DEMO_HOST = `${DEMO_ORG}.lightning.force.com`;
export const UNKNOWN_ID = toSalesforceId18('001Dm00000Zz001')!;
export const HOSTILE_ID = toSalesforceId18('001Dm00000Zz002')!;
export const HOSTILE_NAME = 'Evil <img src=x onerror=alert(1)> Corp';

/** A record of a custom object (Customer__c) in the demo Salesforce org: only a user's own rule recognises it. */
export const CUSTOM_OBJECT_ID = toSalesforceId18('a01Dm00000Cu001')!;
export const CUSTOM_OBJECT_NAME = 'Fabrikam Customer Success';
