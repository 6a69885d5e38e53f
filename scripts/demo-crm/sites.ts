import type { CrmId } from '../../crm/types';
import { DEMO_DYNAMICS_HOST, DEMO_HUBSPOT_PORTAL } from '../../platform/demo/accounts';
import { esc } from './html';
import { DEMO_HOST, type CrmRecord } from './records';
import { salesforcePage, salesforceStage, type Stage } from './salesforce';

/** One demo CRM: its host, how a record's URL looks, and its pages. */
export interface Site {
  crm: CrmId;
  host: string;
  /** Routes live in the URL hash (纷享销客) rather than the path. */
  hashRouting?: boolean;
  recordRoute(r: CrmRecord): string;
  stage(route: string, records: CrmRecord[]): Stage | null;
  page(stage: Stage | null): string;
}

const shell = (lang: string, title: string, header: string, stage: string, hash = false) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head>
<body><header class="crm-top">${header}</header><main id="stage"${hash ? ' data-route="hash"' : ''}>${stage}</main><script src="/__demo/spa.js"></script></body></html>`;

const related = (r: CrmRecord, all: CrmRecord[], route: (o: CrmRecord) => string) => {
  const i = all.indexOf(r);
  return [1, 2].map((k) => all[(i + k) % all.length]!).map((o) => `<li><a data-spa href="${esc(route(o))}">${esc(o.name)}</a></li>`).join('');
};

const hubspotRoute = (r: CrmRecord) => `/contacts/${DEMO_HUBSPOT_PORTAL}/record/0-2/${r.recordId}`;
export const hubspotSite: Site = {
  crm: 'hubspot',
  host: 'app.hubspot.com',
  recordRoute: hubspotRoute,
  stage(route, all) {
    const m = /^\/contacts\/\d+\/record\/0-2\/(\d+)$/.exec(route);
    const r = m && all.find((x) => x.recordId === m[1]);
    if (!r) return null;
    return {
      title: `${r.name} | HubSpot`,
      html: `<div class="record"><aside data-test-id="left-sidebar"><div data-test-id="highlight-record-label" data-selenium-test="highlightTitle">${esc(r.name)}</div>
<dl><dt>Company owner</dt><dd>${esc(r.owner)}</dd><dt>Renewal date</dt><dd>${esc(r.contractEnd ?? '')}</dd></dl></aside>
<section class="middle"><h2>Associated companies</h2><ul>${related(r, all, hubspotRoute)}</ul></section></div>`,
    };
  },
  page: (s) => shell('en', s?.title ?? 'Companies | HubSpot', '<strong>HubSpot</strong> CRM', s?.html ?? '<h1>Companies</h1>'),
};

const dynamicsRoute = (r: CrmRecord) => `/main.aspx?appid=0f6b2a4e-1c3d-4e5f-8a9b-000000000001&pagetype=entityrecord&etn=account&id=${r.recordId}`;
export const dynamicsSite: Site = {
  crm: 'dynamics',
  host: DEMO_DYNAMICS_HOST,
  recordRoute: dynamicsRoute,
  stage(route, all) {
    const url = new URL(route, 'https://x.invalid');
    const id = url.searchParams.get('id');
    const r = url.searchParams.get('etn') === 'account' && all.find((x) => x.recordId === id);
    if (!r) return null;
    return {
      title: `Account: ${r.name} - Dynamics 365`,
      html: `<div class="record" data-id="form"><h1 data-id="header_title" title="${esc(r.name)}">${esc(r.name)} - Saved</h1>
<dl><dt>Owner</dt><dd>${esc(r.owner)}</dd><dt>Contract End Date</dt><dd>${esc(r.contractEnd ?? '')}</dd></dl>
<section><h2>Related accounts</h2><ul>${related(r, all, dynamicsRoute)}</ul></section></div>`,
    };
  },
  page: (s) => shell('en', s?.title ?? 'Dynamics 365', '<strong>Dynamics 365</strong> Sales Hub', s?.html ?? '<h1>Accounts</h1>'),
};

const fxiaokeRoute = (r: CrmRecord) => `#crm/detail/=/AccountObj/${r.recordId}`;
export const fxiaokeSite: Site = {
  crm: 'fxiaoke',
  host: 'www.fxiaoke.com',
  hashRouting: true,
  recordRoute: (r) => `/XV/UI/Home${fxiaokeRoute(r)}`,
  stage(route, all) {
    if (route === '#crm/list/=/AccountObj' || route === '') {
      return { title: '纷享销客', html: `<div class="crm-list"><h1>客户列表</h1><ul>${all.map((r) => `<li><a data-spa href="${esc(fxiaokeRoute(r))}">${esc(r.name)}</a></li>`).join('')}</ul></div>` };
    }
    const m = /^#crm\/detail\/=\/AccountObj\/(\w+)$/.exec(route);
    const r = m && all.find((x) => x.recordId === m[1]);
    if (!r) return null;
    const f = (label: string, value: string) => `<div class="faci-field-display"><div class="faci-field-label">${label}</div><div class="faci-field-value">${esc(value)}</div></div>`;
    return {
      title: '纷享销客',
      html: `<div class="crm-d-layout"><div class="crm-d-header"><span class="crm-d-objname">客户</span><div class="crm-d-name">${esc(r.name)}</div></div>
<div class="crm-d-body">${f('客户名称', r.name)}${f('负责人', r.owner)}${f('合同到期日', r.contractEnd ?? '')}</div>
<section><h2>相关客户</h2><ul>${related(r, all, fxiaokeRoute)}</ul><p><a data-spa href="#crm/list/=/AccountObj">返回客户列表</a></p></section></div>`,
    };
  },
  page: () => shell('zh-CN', '纷享销客', '<strong>纷享销客</strong> CRM', '', true),
};

export const salesforceSite: Site = {
  crm: 'salesforce',
  host: DEMO_HOST,
  recordRoute: (r) => `/lightning/r/Account/${r.recordId}/view`,
  stage: (route, all) => salesforceStage(route, all),
  page: (s) => (s ? salesforcePage(s) : '<!doctype html><title>Not found</title><h1>Page not found</h1>'),
};

export const SITES: Site[] = [salesforceSite, hubspotSite, dynamicsSite, fxiaokeSite];

/** The full https URL of a record in its demo CRM. */
export function recordUrl(r: CrmRecord): string {
  const site = SITES.find((s) => s.crm === r.crm)!;
  return `https://${site.host}${site.recordRoute(r)}`;
}

const CSS = `body{margin:0;font:14px/1.5 system-ui,sans-serif;background:#f5f8fa;color:#33475b}.crm-top{background:#2d3e50;color:#fff;padding:10px 16px}
#stage{padding:16px}.record,.crm-d-layout,.crm-list{background:#fff;border:1px solid #dde;border-radius:6px;padding:16px}
[data-test-id=highlight-record-label],.crm-d-name,h1{font-size:22px;font-weight:700}dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
.faci-field-display{display:flex;gap:16px}.faci-field-label{color:#666;min-width:6em}`;
