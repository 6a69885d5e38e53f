import { salesforce } from './salesforce';
import { toSalesforceId18 } from './salesforce-id';
import { enc, labelOf, type RecordUrlBuilder } from './record-url';

/**
 * Salesforce: Lightning record page on the org's My Domain. Detection keeps the
 * My Domain name and drops the enhanced-domain segment, which the name itself
 * tells again: sandbox names carry "--" (acme--uat.sandbox…), Developer
 * Edition names end in "-dev-ed" (….develop…). The id stays as stored, 15 or
 * 18 characters; the typed /Account/ path opens either.
 */
export const salesforceUrl: RecordUrlBuilder = (ref) => {
  const org = labelOf(ref.orgKey);
  const id18 = toSalesforceId18(ref.recordId);
  // toSalesforceId18 trims; the stored id itself must be bare.
  if (!org || !id18 || ref.recordId.trim() !== ref.recordId) return null;
  const segment = org.includes('--') ? '.sandbox' : org.endsWith('-dev-ed') ? '.develop' : '';
  return {
    url: `https://${org}${segment}.lightning.force.com/lightning/r/Account/${enc(ref.recordId)}/view`,
    adapter: salesforce,
    expect: { recordId: id18, orgKey: org },
  };
};
