import { firstVisibleText, subdomainOf, titleNameExcept } from './dom';
import { readLabelledFields } from './fields';
import type { CrmAdapter } from './types';

// Freshsales Suite: <co>.myfreshworks.com/crm/sales/accounts/<id>. Classic
// Freshsales accounts kept <co>.freshsales.io/accounts/<id>. The subdomain is
// the tenant either way. List views (/accounts/view/<id>), contacts and deals
// do not match.
const SUITE = /^\/crm\/sales\/accounts\/(\d+)\/?$/;
const CLASSIC = /^\/accounts\/(\d+)\/?$/;

const HEADER_NAME = ['[data-test-id="entity-name"]', '.entity-details-header .entity-name'];
const DETAILS = '[data-test-id="entity-details"], .entity-details';
// Record tabs are titled "<name> | Freshsales"; list pages use the plural.
const TITLE = /^(.+?) \| (?:Freshsales|Freshworks CRM)$/;
const NOT_A_NAME = ['Accounts', 'Sales Accounts', 'Freshsales', '客户'];

export const freshsales: CrmAdapter = {
  crm: 'freshsales',
  matches: ['https://*.myfreshworks.com/*', 'https://*.freshsales.io/*'],
  matchUrl(url) {
    const suite = subdomainOf(url.hostname, '.myfreshworks.com');
    const classic = suite ? undefined : subdomainOf(url.hostname, '.freshsales.io');
    const orgKey = suite ?? classic;
    if (!orgKey || orgKey === 'www') return null;
    const recordId = (suite ? SUITE : CLASSIC).exec(url.pathname)?.[1];
    return recordId ? { recordId, orgKey } : null;
  },
  readName: (doc) => firstVisibleText(doc.querySelector(DETAILS) ?? doc, HEADER_NAME),
  titleName: (doc) => titleNameExcept(doc.title, TITLE, NOT_A_NAME),
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(DETAILS) ?? doc.body, labels),
};
