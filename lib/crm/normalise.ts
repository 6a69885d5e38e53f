import { toSalesforceId18 } from './salesforce-id';
import type { CrmId } from './types';

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

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
      const m = GUID.exec(decodeURIComponent(id));
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
