import { firstVisibleText, titleNameExcept } from './dom';
import { readLabelledFields } from './fields';
import { withProxies } from './proxy';
import type { CrmAdapter, UrlMatch } from './types';

// One host per Zoho data centre (US, EU, IN, AU, CN, JP, SA, UK, CA).
const HOSTS = [
  'crm.zoho.com',
  'crm.zoho.eu',
  'crm.zoho.in',
  'crm.zoho.com.au',
  'crm.zoho.com.cn',
  'crm.zoho.jp',
  'crm.zoho.sa',
  'crm.zoho.uk',
  'crm.zohocloud.ca',
];

// /crm/org<orgId>/tab/Accounts/<id>; the org segment is absent for single-org users.
// "Accounts" and "Potentials" (Deals) are the modules' API names, which stay even
// when a module is renamed. create, edit and custom-view (list) paths have other or
// more segments.
const RECORD = /^\/crm\/(?:org(\d+)\/)?tab\/(Accounts|Potentials)\/(\d+)\/?$/;

// The detail view is a Lyte app; these are its stable id/data hooks for the record name.
// The current ("next-gen") UI renders the record's name as the first component view
// wrap of the detail page, as public userscripts for it read it (cxElemCompViewWrap).
const HEADER_NAME = ['[data-zcqa="dv_title"]', '#subvalue_ACCOUNTNAME', '#subvalue_POTENTIALNAME', '.dv_title', 'span.cxElemCompViewWrap'];
export const ZOHO_DETAIL = '[data-zcqa="detailview"], .detailViewContainer';
// Record tabs are titled "<name> - Zoho CRM"; module pages use the module name.
const TITLE = /^(.+?) - Zoho CRM$/;
const NOT_A_NAME = ['Accounts', 'Deals', 'Home', '客户', '商机', '首页'];

export const zoho: CrmAdapter = {
  crm: 'zoho',
  matches: withProxies(HOSTS.map((h) => `https://${h}/*`)),
  matchUrl(url) {
    if (!HOSTS.includes(url.hostname)) return null;
    const m = RECORD.exec(url.pathname);
    if (!m?.[3]) return null;
    const match: UrlMatch = m[1] ? { recordId: m[3], orgKey: m[1] } : { recordId: m[3] };
    if (m[2] === 'Potentials') match.kind = 'deal';
    return match;
  },
  readName: (doc) => firstVisibleText(doc.querySelector(ZOHO_DETAIL) ?? doc, HEADER_NAME),
  titleName: (doc) => titleNameExcept(doc.title, TITLE, NOT_A_NAME),
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(ZOHO_DETAIL) ?? doc.body, labels),
};
