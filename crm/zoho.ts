import { firstVisibleText, titleNameExcept } from './dom';
import { readLabelledFields } from './fields';
import type { CrmAdapter } from './types';

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
// "Accounts" is the module's API name, which stays even when the module is renamed.
// create, edit and custom-view (list) paths have other or more segments.
const RECORD = /^\/crm\/(?:org(\d+)\/)?tab\/Accounts\/(\d+)\/?$/;

// The detail view is a Lyte app; these are its stable id/data hooks for the record name.
const HEADER_NAME = ['[data-zcqa="dv_title"]', '#subvalue_ACCOUNTNAME', '.dv_title'];
const DETAIL = '[data-zcqa="detailview"], .detailViewContainer';
// Record tabs are titled "<name> - Zoho CRM"; module pages use the module name.
const TITLE = /^(.+?) - Zoho CRM$/;
const NOT_A_NAME = ['Accounts', 'Home', '客户', '首页'];

export const zoho: CrmAdapter = {
  crm: 'zoho',
  matches: HOSTS.map((h) => `https://${h}/*`),
  matchUrl(url) {
    if (!HOSTS.includes(url.hostname)) return null;
    const m = RECORD.exec(url.pathname);
    if (!m?.[2]) return null;
    return m[1] ? { recordId: m[2], orgKey: m[1] } : { recordId: m[2] };
  },
  readName: (doc) => firstVisibleText(doc.querySelector(DETAIL) ?? doc, HEADER_NAME),
  titleName: (doc) => titleNameExcept(doc.title, TITLE, NOT_A_NAME),
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(DETAIL) ?? doc.body, labels),
};
