import { firstVisibleText, subdomainOf, titleNameExcept } from './dom';
import { readLabelledFields } from './fields';
import { withProxies } from './proxy';
import type { CrmAdapter } from './types';

// Freshsales Suite: <co>.myfreshworks.com/crm/sales/accounts/<id> and …/deals/<id>.
// Classic Freshsales accounts kept <co>.freshsales.io/accounts/<id> (/deals/<id>).
// The subdomain is the tenant either way. List views (/accounts/view/<id>) and
// contacts do not match.
const SUITE = /^\/crm\/sales\/(accounts|deals)\/(\d+)\/?$/;
const CLASSIC = /^\/(accounts|deals)\/(\d+)\/?$/;

const HEADER_NAME = ['[data-test-id="entity-name"]', '.entity-details-header .entity-name'];
export const FRESHSALES_DETAILS = '[data-test-id="entity-details"], .entity-details';
// Record tabs are titled "<name> | Freshsales"; list pages use the plural.
const TITLE = /^(.+?) \| (?:Freshsales|Freshworks CRM)$/;
const NOT_A_NAME = ['Accounts', 'Sales Accounts', 'Deals', 'Freshsales', '客户', '交易'];

export const freshsales: CrmAdapter = {
  crm: 'freshsales',
  matches: withProxies(['https://*.myfreshworks.com/*', 'https://*.freshsales.io/*']),
  matchUrl(url) {
    const suite = subdomainOf(url.hostname, '.myfreshworks.com');
    const classic = suite ? undefined : subdomainOf(url.hostname, '.freshsales.io');
    const orgKey = suite ?? classic;
    if (!orgKey || orgKey === 'www') return null;
    const m = (suite ? SUITE : CLASSIC).exec(url.pathname);
    if (!m?.[2]) return null;
    return m[1] === 'deals' ? { recordId: m[2], orgKey, kind: 'deal' } : { recordId: m[2], orgKey };
  },
  readName: (doc) => firstVisibleText(doc.querySelector(FRESHSALES_DETAILS) ?? doc, HEADER_NAME),
  titleName: (doc) => titleNameExcept(doc.title, TITLE, NOT_A_NAME),
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(FRESHSALES_DETAILS) ?? doc.body, labels),
};
