import { firstVisibleText, subdomainOf } from './dom';
import { readLabelledFields } from './fields';
import type { CrmAdapter, UrlMatch } from './types';

// 纷享销客 routes in the hash: /XV/UI/Home#crm/detail/=/AccountObj/<id>, and the
// opportunity objects (NewOpportunityObj, the older OpportunityObj) the same way.
// ContactObj, LeadsObj and #crm/list/=/… are not records of ours. Ids are opaque
// object ids, kept as given.
const PATH = /^\/XV\/UI\/Home\/?$/i;
const ROUTE = /^#crm\/detail\/=\/(AccountObj|NewOpportunityObj|OpportunityObj)\/([A-Za-z0-9_-]+)\/?(?:\?.*)?$/;
// Tenants are served from www and from their own subdomains (hws.fxiaoke.com, as
// public scripts for such a tenant open it); these subdomains are the vendor's services.
const RESERVED = ['open', 'help', 'api', 'static', 'doc', 'docs', 'support'];

/** The tenant subdomain from the host: undefined on www, null when the host is not a tenant's. */
export function fxiaokeTenant(host: string): string | undefined | null {
  const sub = subdomainOf(host, '.fxiaoke.com');
  if (!sub || RESERVED.includes(sub)) return null;
  return sub === 'www' ? undefined : sub;
}

// The detail opens as a layer over the list; read only inside it so list
// columns (负责人 …) are not taken for the record's fields.
export const FXIAOKE_DETAIL = '.crm-d-layout, .crm-detail';
const HEADER_NAME = ['.crm-d-header .crm-d-name', '.crm-d-header h1'];
// Without a header, the name is the record's own name field.
const NAME_LABELS = { name: ['客户名称', 'Account Name'] };
const DEAL_NAME_LABELS = { name: ['商机名称', 'Opportunity Name'] };

export const fxiaoke: CrmAdapter = {
  crm: 'fxiaoke',
  matches: ['https://*.fxiaoke.com/*'],
  matchUrl(url) {
    const tenant = fxiaokeTenant(url.hostname);
    if (tenant === null || !PATH.test(url.pathname)) return null;
    const m = ROUTE.exec(url.hash);
    if (!m?.[2]) return null;
    // On www the tenant is held in the session, not the URL: there is no org key.
    const match: UrlMatch = tenant ? { recordId: m[2], orgKey: tenant } : { recordId: m[2] };
    if (m[1] !== 'AccountObj') match.kind = 'deal';
    return match;
  },
  // Header → the record's name field. The page title is the product name, so there is no title fallback.
  readName(doc, match) {
    const detail = doc.querySelector(FXIAOKE_DETAIL);
    if (!detail) return undefined;
    return firstVisibleText(detail, HEADER_NAME) ?? readLabelledFields(detail, match.kind ? DEAL_NAME_LABELS : NAME_LABELS).name;
  },
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(FXIAOKE_DETAIL), labels),
};
