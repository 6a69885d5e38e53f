import { CHINA_ORG_SUFFIX, partitionImplied, salesforce } from './salesforce';
import { toSalesforceId18 } from './salesforce-id';
import { enc, type RecordUrlBuilder } from './record-url';

// What detection stores: the My Domain name, the partition the name does not
// tell, and the China marker (acme, acme.demo, acme--uat.sfcrmapps.cn).
const ORG_KEY = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.(scratch|demo|patch|trailblaze|sandbox|develop))?(\.sfcrmapps\.cn)?$/;

/**
 * Salesforce: Lightning record page on the org's My Domain. Detection keeps the
 * partition only where the name does not tell it again: sandbox names carry
 * "--" (acme--uat.sandbox…), Developer Edition names end in "-dev-ed"
 * (….develop…). Orgs of Salesforce on Alibaba Cloud live on
 * lightning.sfcrmapps.cn. The id stays as stored, 15 or 18 characters; the
 * typed /Account/ path opens either.
 */
export const salesforceUrl: RecordUrlBuilder = (ref) => {
  const key = ref.orgKey?.toLowerCase();
  const m = key ? ORG_KEY.exec(key) : null;
  const id18 = toSalesforceId18(ref.recordId);
  // toSalesforceId18 trims; the stored id itself must be bare.
  if (!m?.[1] || !id18 || ref.recordId.trim() !== ref.recordId) return null;
  const name = m[1];
  // A partition written out where the name already implies it is not the form detection stores.
  if (m[2] && partitionImplied(name, m[2])) return null;
  const partition = m[2] ?? (partitionImplied(name, 'sandbox') ? 'sandbox' : partitionImplied(name, 'develop') ? 'develop' : undefined);
  const domain = m[3] === CHINA_ORG_SUFFIX ? 'lightning.sfcrmapps.cn' : 'lightning.force.com';
  return {
    url: `https://${name}${partition ? `.${partition}` : ''}.${domain}/lightning/r/Account/${enc(ref.recordId)}/view`,
    adapter: salesforce,
    expect: { recordId: id18, orgKey: key! },
  };
};
