import { firstVisibleText, subdomainOf, titleNameExcept } from './dom';
import { readLabelledFields } from './fields';
import { withProxies } from './proxy';
import type { CrmAdapter } from './types';

// Pipedrive calls companies "organizations": /organization/<id>; deals are /deal/<id>.
// People (/person/), leads and the lists (/organizations/, /deals/) are neither.
const RECORD = /^\/(organization|deal)\/(\d+)\/?$/;
// Service hosts, not company subdomains. app.pipedrive.com redirects to the
// company's own subdomain, where the record is then detected with its org key.
const RESERVED = ['www', 'app', 'api', 'developers', 'marketplace', 'support', 'oauth'];

const HEADER_NAME = ['[data-testid="header-title"]', '.detailView h1'];
export const PIPEDRIVE_DETAILS = '[data-testid="details-sidebar"], .detailView';
// Record tabs are titled "<name> | Pipedrive"; list pages use the plural.
const TITLE = /^(.+?) \| Pipedrive$/;
const NOT_A_NAME = ['Organizations', 'Organization', 'Deals', 'Deal', 'Pipedrive', '组织', '公司', '交易'];

export const pipedrive: CrmAdapter = {
  crm: 'pipedrive',
  matches: withProxies(['https://*.pipedrive.com/*']),
  matchUrl(url) {
    const orgKey = subdomainOf(url.hostname, '.pipedrive.com');
    if (!orgKey || RESERVED.includes(orgKey)) return null;
    const m = RECORD.exec(url.pathname);
    if (!m?.[2]) return null;
    return m[1] === 'deal' ? { recordId: m[2], orgKey, kind: 'deal' } : { recordId: m[2], orgKey };
  },
  readName: (doc) => firstVisibleText(doc.querySelector(PIPEDRIVE_DETAILS) ?? doc, HEADER_NAME),
  titleName: (doc) => titleNameExcept(doc.title, TITLE, NOT_A_NAME),
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(PIPEDRIVE_DETAILS) ?? doc.body, labels),
};
