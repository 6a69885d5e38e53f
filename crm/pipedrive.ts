import { firstVisibleText, subdomainOf, titleNameExcept } from './dom';
import { readLabelledFields } from './fields';
import type { CrmAdapter } from './types';

// Pipedrive calls companies "organizations": /organization/<id>. People
// (/person/), deals (/deal/), leads and the list (/organizations/) are not accounts.
const RECORD = /^\/organization\/(\d+)\/?$/;
// Service hosts, not company subdomains. app.pipedrive.com redirects to the
// company's own subdomain, where the record is then detected with its org key.
const RESERVED = ['www', 'app', 'api', 'developers', 'marketplace', 'support', 'oauth'];

const HEADER_NAME = ['[data-testid="header-title"]', '.detailView h1'];
const DETAILS = '[data-testid="details-sidebar"], .detailView';
// Record tabs are titled "<name> | Pipedrive"; list pages use the plural.
const TITLE = /^(.+?) \| Pipedrive$/;
const NOT_A_NAME = ['Organizations', 'Organization', 'Pipedrive', '组织', '公司'];

export const pipedrive: CrmAdapter = {
  crm: 'pipedrive',
  matches: ['https://*.pipedrive.com/*'],
  matchUrl(url) {
    const orgKey = subdomainOf(url.hostname, '.pipedrive.com');
    if (!orgKey || RESERVED.includes(orgKey)) return null;
    const recordId = RECORD.exec(url.pathname)?.[1];
    return recordId ? { recordId, orgKey } : null;
  },
  readName: (doc) => firstVisibleText(doc.querySelector(DETAILS) ?? doc, HEADER_NAME),
  titleName: (doc) => titleNameExcept(doc.title, TITLE, NOT_A_NAME),
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(DETAILS) ?? doc.body, labels),
};
