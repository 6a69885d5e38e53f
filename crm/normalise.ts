import { toSalesforceId18 } from './salesforce-id';
import type { CrmId } from './types';

/**
 * CRMs whose record ids are small numbers counted per tenant (portal,
 * company account): the same id names different customers in different
 * tenants, so a match needs the tenant (orgKey) too.
 */
export const TENANT_SCOPED_IDS: readonly CrmId[] = ['hubspot', 'pipedrive', 'freshsales'];

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** A Dynamics id may arrive %-encoded (braces as %7B…%7D); a stray `%` is not an encoding and is left as it is. */
function decodeOnce(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/**
 * A record id as detection yields it, wherever it comes from (import, API,
 * typed by hand): Salesforce 18-character case-safe ids, Dynamics GUIDs in
 * lower case without braces, numeric ids as digit strings, others trimmed.
 */
export function normaliseRecordId(crm: CrmId, raw: string): string | null {
  const id = raw.trim();
  if (!id) return null;
  switch (crm) {
    case 'salesforce':
      return toSalesforceId18(id);
    case 'dynamics': {
      const m = GUID.exec(decodeOnce(id));
      return m ? m[1]!.toLowerCase() : null;
    }
    case 'hubspot':
    case 'pipedrive':
    case 'freshsales':
    case 'zoho':
    case 'xiaoshouyi':
      return /^\d+$/.test(id) ? id : null;
    default:
      return id;
  }
}
