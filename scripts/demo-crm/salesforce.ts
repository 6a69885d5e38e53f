import { CUSTOM_OBJECT_ID, CUSTOM_OBJECT_NAME, type CrmRecord } from './records';
import { esc } from './html';
import { dealListStage, dealStage, demoCrmDeals } from './salesforce-deals';

/** A stage (the centre of a Lightning page) and the title that goes with it. */
export interface Stage {
  title: string;
  html: string;
  recordId?: string;
}

const recordPath = (id: string) => `/lightning/r/Account/${id}/view`;

function field(label: string, value: string | undefined): string {
  return `<records-record-layout-item field-label="${esc(label)}"><div class="slds-form-element"><span class="test-id__field-label">${esc(label)}</span><div class="test-id__field-value"><lightning-formatted-text>${esc(value ?? '')}</lightning-formatted-text></div></div></records-record-layout-item>`;
}

function recordStage(r: CrmRecord, all: CrmRecord[]): Stage {
  const i = all.indexOf(r);
  const related = [1, 2, 3].map((k) => all[(i + k) % all.length]!);
  return {
    title: `${r.name} | Account | Salesforce`,
    recordId: r.recordId,
    html: `<div class="windowViewMode-normal oneContent active" data-record-id="${r.recordId}">
<records-lwc-highlights-panel><records-highlights2><div class="slds-page-header">
<h1><div class="entityNameTitle">Account</div><div class="slds-page-header__title"><lightning-formatted-text>${esc(r.name)}</lightning-formatted-text></div></h1>
</div></records-highlights2></records-lwc-highlights-panel>
<div class="record-layout">${field('Account Owner', r.owner)}${field('Contract End Date', r.contractEnd)}${field('Annual Revenue', r.annualRevenue)}${field('Type', 'Customer')}</div>
<article class="related"><h2>Related accounts</h2><ul>${related
      .map((o) => `<li><a data-spa href="${recordPath(o.recordId)}">${esc(o.name)}</a></li>`)
      .join('')}</ul></article>
<article class="activity"><h2>Activity</h2><p>Upcoming &amp; overdue: no activities. The right edge of this card must stay visible when the Account Lens panel is open.</p></article>
</div>`,
  };
}

function listStage(all: CrmRecord[]): Stage {
  return {
    title: 'Accounts | Salesforce',
    html: `<div class="windowViewMode-normal oneContent active" data-page="list"><h1>Accounts: Recently Viewed</h1><table class="slds-table"><thead><tr><th>Account Name</th><th>Account Owner</th></tr></thead><tbody>${all
      .map((r) => `<tr><td><a data-spa href="${recordPath(r.recordId)}">${esc(r.name)}</a></td><td>${esc(r.owner)}</td></tr>`)
      .join('')}</tbody></table></div>`,
  };
}

const homeStage = (): Stage => ({
  title: 'Home | Salesforce',
  html: '<div class="windowViewMode-normal oneContent active" data-page="home"><h1>Home</h1><p>Quarterly performance, assistant and recent records.</p></div>',
});

/** The stage for a path of the demo org, or null (404). */
export function salesforceStage(path: string, all: CrmRecord[]): Stage | null {
  const m = /^\/lightning\/r\/Account\/([a-zA-Z0-9]{18})\/view$/.exec(path);
  if (m) {
    const r = all.find((x) => x.recordId === m[1]);
    return r ? recordStage(r, all) : null;
  }
  if (path === `/lightning/r/Customer__c/${CUSTOM_OBJECT_ID}/view`) {
    const stage = recordStage({ crm: 'salesforce', recordId: CUSTOM_OBJECT_ID, name: CUSTOM_OBJECT_NAME, owner: 'Sofia Rossi' }, all.slice(0, 3));
    return { ...stage, title: `${CUSTOM_OBJECT_NAME} | Customer | Salesforce`, html: stage.html.replace('>Account<', '>Customer<') };
  }
  const deal = /^\/lightning\/r\/Opportunity\/([a-zA-Z0-9]{18})\/view$/.exec(path);
  if (deal) {
    const d = demoCrmDeals(all).find((x) => x.recordId === deal[1]);
    return d ? dealStage(d) : null;
  }
  if (path === '/lightning/o/Opportunity/list') return dealListStage(demoCrmDeals(all));
  if (path === '/lightning/o/Account/list') return listStage(all);
  if (path === '/lightning/page/home' || path === '/') return homeStage();
  return null;
}

export function salesforcePage(stage: Stage): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(stage.title)}</title><style>${CSS}</style></head>
<body><div class="oneHeader"><strong>Salesforce</strong> <span class="org">Demo org</span>
<nav><a data-spa href="/lightning/page/home">Home</a> <a data-spa href="/lightning/o/Account/list">Accounts</a> <a data-spa href="/lightning/o/Opportunity/list">Opportunities</a></nav></div>
<div class="oneCenterStage" id="stage">${stage.html}</div>
<script src="/__demo/spa.js"></script></body></html>`;
}

const CSS = `body{margin:0;font:14px/1.5 system-ui,sans-serif;background:#f3f2f2;color:#181818}
.oneHeader{display:flex;gap:16px;align-items:center;background:#032d60;color:#fff;padding:10px 16px}.oneHeader a{color:#fff;margin-right:12px}
.oneCenterStage{padding:16px}.oneContent{background:#fff;border-radius:6px;padding:16px;border:1px solid #ddd}
.oneContent[hidden]{display:none}.slds-page-header{border-bottom:1px solid #ddd;margin-bottom:12px}
.entityNameTitle{font-size:12px;color:#555}.slds-page-header__title{font-size:22px;font-weight:700}
.record-layout{display:grid;grid-template-columns:repeat(2,1fr);gap:8px 24px}.test-id__field-label{display:block;font-size:12px;color:#555}
.related,.activity{margin-top:16px;border-top:1px solid #eee}.activity p{text-align:right}table{width:100%;border-collapse:collapse}td,th{border-bottom:1px solid #eee;text-align:left;padding:4px}`;
