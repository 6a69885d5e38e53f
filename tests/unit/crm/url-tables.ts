import type { CrmId } from '../../../lib/crm';

/** Per CRM: URLs that are account records (with what they must yield) and URLs that are not. */
export interface UrlTable {
  crm: CrmId;
  positives: { url: string; recordId: string; orgKey?: string }[];
  negatives: string[];
}

export const salesforceUrls: UrlTable = {
  crm: 'salesforce',
  positives: [
    { url: 'https://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    // 15-character id in the URL is converted to its 18-character form.
    { url: 'https://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    { url: 'https://acme.lightning.force.com/lightning/r/001Hn00001Xyz12IAB/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    { url: 'https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view?ws=%2Flightning%2Fr', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme--uat' },
    // Classic: the id is the whole path.
    { url: 'https://acme.my.salesforce.com/001Hn00001Xyz12', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    { url: 'https://ACME.my.salesforce.com/001Hn00001Xyz12IAB?srPos=0&srKp=001', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    { url: 'https://acme--uat.sandbox.my.salesforce.com/001Hn00001Xyz12', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme--uat' },
    { url: 'https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme-dev-ed' },
  ],
  negatives: [
    'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/o/Account/new',
    'https://acme.lightning.force.com/lightning/r/Contact/003Hn00001Abc12AAA/view',
    'https://acme.lightning.force.com/lightning/r/003Hn00001Abc12AAA/view',
    'https://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/edit',
    'https://acme.lightning.force.com/lightning/page/home',
    'http://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view',
    'https://lightning.force.com.evil.example/lightning/r/Account/001Hn00001Xyz12IAB/view',
    // Classic: edit, new, list, contact, Lightning path on the Classic host, lookalike host.
    'https://acme.my.salesforce.com/001Hn00001Xyz12/e?retURL=%2F001Hn00001Xyz12',
    'https://acme.my.salesforce.com/001/e',
    'https://acme.my.salesforce.com/001/o',
    'https://acme.my.salesforce.com/001?fcf=00BHn000001abcd',
    'https://acme.my.salesforce.com/003Hn00001Abc12',
    'https://acme.my.salesforce.com/lightning/r/Account/001Hn00001Xyz12IAB/view',
    'https://acme.my.salesforce.com.evil.example/001Hn00001Xyz12',
    'https://my.salesforce.com/001Hn00001Xyz12',
    'http://acme.my.salesforce.com/001Hn00001Xyz12',
  ],
};

const G = '5a8b2c1d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';

export const hubspotUrls: UrlTable = {
  crm: 'hubspot',
  positives: [
    { url: 'https://app.hubspot.com/contacts/123456/record/0-2/987654321', recordId: '987654321', orgKey: '123456' },
    { url: 'https://app-eu1.hubspot.com/contacts/26543210/record/0-2/11223344556/', recordId: '11223344556', orgKey: '26543210' },
    { url: 'https://app-na2.hubspot.com/contacts/243001/record/0-2/5566/view/1?eschref=%2Fcontacts', recordId: '5566', orgKey: '243001' },
    { url: 'https://app-ap1.hubspot.com/contacts/9/record/0-2/42', recordId: '42', orgKey: '9' },
    // The older company URL, still linked from notification emails.
    { url: 'https://app.hubspot.com/contacts/123456/company/987654321/', recordId: '987654321', orgKey: '123456' },
  ],
  negatives: [
    'https://app.hubspot.com/contacts/123456/record/0-1/51',
    'https://app.hubspot.com/contacts/123456/record/0-3/77',
    'https://app.hubspot.com/contacts/123456/record/0-5/88',
    'https://app.hubspot.com/contacts/123456/objects/0-2/views/all/list',
    'https://app.hubspot.com/contacts/123456/contact/51',
    'https://app.hubspot.com/contacts/123456/record/0-2/',
    'https://app.hubspot.com/contacts/acme/record/0-2/987654321',
    'https://app.hubspot.com.evil.example/contacts/123456/record/0-2/987654321',
    'https://evil.example/app.hubspot.com/contacts/123456/record/0-2/987654321',
    'https://www.hubspot.com/contacts/123456/record/0-2/987654321',
    'http://app.hubspot.com/contacts/123456/record/0-2/987654321',
  ],
};

export const dynamicsUrls: UrlTable = {
  crm: 'dynamics',
  positives: [
    { url: `https://contoso.crm4.dynamics.com/main.aspx?appid=7f3c1a2b-0000-4000-8000-000000000001&pagetype=entityrecord&etn=account&id=%7B${G.toUpperCase()}%7D`, recordId: G, orgKey: 'contoso.crm4.dynamics.com' },
    // Parameters in another order, with forceUCI.
    { url: `https://contoso.crm.dynamics.com/main.aspx?id=${G}&etn=account&forceUCI=1&pagetype=entityrecord`, recordId: G, orgKey: 'contoso.crm.dynamics.com' },
    { url: `https://Contoso.CRM11.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id={${G}}`, recordId: G, orgKey: 'contoso.crm11.dynamics.com' },
    { url: `https://fabrikam.crm.dynamics.cn/main.aspx?etn=account&pagetype=entityrecord&id=${G}`, recordId: G, orgKey: 'fabrikam.crm.dynamics.cn' },
    { url: `https://agency.crm.microsoftdynamics.us/main.aspx?pagetype=entityrecord&etn=account&id=${G}`, recordId: G, orgKey: 'agency.crm.microsoftdynamics.us' },
    { url: `https://agency.crm9.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${G}`, recordId: G, orgKey: 'agency.crm9.dynamics.com' },
    // Legacy form naming the table by type code (1 = account).
    { url: `https://contoso.crm.dynamics.com/main.aspx?etc=1&id=%7b${G}%7d&pagetype=entityrecord`, recordId: G, orgKey: 'contoso.crm.dynamics.com' },
  ],
  negatives: [
    `https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=${G}`,
    `https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=${G}`,
    `https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=${G}`,
    `https://contoso.crm.dynamics.com/main.aspx?etc=2&id=${G}&pagetype=entityrecord`,
    'https://contoso.crm4.dynamics.com/main.aspx?appid=7f3c1a2b-0000-4000-8000-000000000001&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001001',
    // New-record form: no id yet.
    'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account',
    'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=not-a-guid',
    `https://contoso.operations.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
    `https://contoso.crm4.dynamics.com/other.aspx?pagetype=entityrecord&etn=account&id=${G}`,
    `https://contoso.crm4.dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
    `https://evil.example/contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
    `http://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
  ],
};

export const zohoUrls: UrlTable = {
  crm: 'zoho',
  positives: [
    { url: 'https://crm.zoho.com/crm/org60012345/tab/Accounts/4876876000000411001', recordId: '4876876000000411001', orgKey: '60012345' },
    { url: 'https://crm.zoho.eu/crm/tab/Accounts/4876876000000411001', recordId: '4876876000000411001' },
    { url: 'https://crm.zoho.com.cn/crm/org7001/tab/Accounts/123/', recordId: '123', orgKey: '7001' },
    { url: 'https://crm.zoho.in/crm/org60012345/tab/Accounts/4876876000000411001?sub_module=', recordId: '4876876000000411001', orgKey: '60012345' },
    { url: 'https://crm.zoho.com.au/crm/org1/tab/Accounts/55', recordId: '55', orgKey: '1' },
  ],
  negatives: [
    'https://crm.zoho.com/crm/org60012345/tab/Contacts/4876876000000411001',
    'https://crm.zoho.com/crm/org60012345/tab/Potentials/4876876000000411001',
    'https://crm.zoho.com/crm/org60012345/tab/Leads/4876876000000411001',
    'https://crm.zoho.com/crm/org60012345/tab/Accounts/create',
    'https://crm.zoho.com/crm/org60012345/tab/Accounts/4876876000000411001/edit?layoutId=4876876000000091055',
    'https://crm.zoho.com/crm/org60012345/tab/Accounts/custom-view/4876876000000087501/list',
    'https://crm.zoho.com/crm/org60012345/tab/Accounts',
    'https://crm.zoho.com.evil.example/crm/org60012345/tab/Accounts/4876876000000411001',
    'https://crm.zoho.org/crm/org60012345/tab/Accounts/4876876000000411001',
    'https://www.zoho.com/crm/org60012345/tab/Accounts/4876876000000411001',
  ],
};

export const pipedriveUrls: UrlTable = {
  crm: 'pipedrive',
  positives: [
    { url: 'https://acme.pipedrive.com/organization/42', recordId: '42', orgKey: 'acme' },
    { url: 'https://acme-eu.pipedrive.com/organization/1234/', recordId: '1234', orgKey: 'acme-eu' },
    { url: 'https://ACME.pipedrive.com/organization/7?tab=notes', recordId: '7', orgKey: 'acme' },
    { url: 'https://globex.pipedrive.com/organization/900001#activity', recordId: '900001', orgKey: 'globex' },
  ],
  negatives: [
    'https://acme.pipedrive.com/person/12',
    'https://acme.pipedrive.com/deal/34',
    'https://acme.pipedrive.com/leads/inbox/0b9f3c40-1234-11ee-9a1b-7d2c3e4f5a6b',
    'https://acme.pipedrive.com/organizations/list/filter/all',
    'https://acme.pipedrive.com/organization/',
    'https://app.pipedrive.com/organization/42',
    'https://www.pipedrive.com/organization/42',
    'https://a.b.pipedrive.com/organization/42',
    'https://acme.pipedrive.com.evil.example/organization/42',
  ],
};

export const freshsalesUrls: UrlTable = {
  crm: 'freshsales',
  positives: [
    { url: 'https://acme.myfreshworks.com/crm/sales/accounts/16000123456', recordId: '16000123456', orgKey: 'acme' },
    { url: 'https://acme-team.myfreshworks.com/crm/sales/accounts/16000123456/', recordId: '16000123456', orgKey: 'acme-team' },
    { url: 'https://globex.myfreshworks.com/crm/sales/accounts/42?tab=activities', recordId: '42', orgKey: 'globex' },
    { url: 'https://acme.freshsales.io/accounts/5001234567', recordId: '5001234567', orgKey: 'acme' },
  ],
  negatives: [
    'https://acme.myfreshworks.com/crm/sales/contacts/16000123456',
    'https://acme.myfreshworks.com/crm/sales/deals/16000123456',
    'https://acme.myfreshworks.com/crm/sales/accounts/view/16000040001',
    'https://acme.myfreshworks.com/crm/sales/accounts/16000123456/edit',
    'https://acme.myfreshworks.com/crm/sales/leads/16000123456',
    'https://acme.myfreshworks.com/accounts/16000123456',
    'https://acme.freshsales.io/contacts/5001234567',
    'https://acme.myfreshworks.com.evil.example/crm/sales/accounts/16000123456',
    'https://www.myfreshworks.com/crm/sales/accounts/16000123456',
  ],
};

export const fxiaokeUrls: UrlTable = {
  crm: 'fxiaoke',
  positives: [
    { url: 'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1', recordId: '5f8a1c2e9b3d4a0012c4e7f1' },
    { url: 'https://www.fxiaoke.com/XV/UI/Home/#crm/detail/=/AccountObj/64b0c3d2e1f0a9000137a2b5/', recordId: '64b0c3d2e1f0a9000137a2b5' },
    { url: 'https://www.fxiaoke.com/XV/UI/Home?lang=zh-CN#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1', recordId: '5f8a1c2e9b3d4a0012c4e7f1' },
    { url: 'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/650a11b2c3d4e5f601234567?from=list', recordId: '650a11b2c3d4e5f601234567' },
  ],
  negatives: [
    'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/ContactObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/LeadsObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/NewOpportunityObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://www.fxiaoke.com/XV/UI/Home#crm/list/=/AccountObj',
    'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/',
    'https://www.fxiaoke.com/XV/UI/Home#crm/index',
    'https://www.fxiaoke.com/XV/UI/Other#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://www.fxiaoke.com.evil.example/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
    'http://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
  ],
};

export const xiaoshouyiUrls: UrlTable = {
  crm: 'xiaoshouyi',
  positives: [
    { url: 'https://crm.xiaoshouyi.com/final/account.action?id=1234567890', recordId: '1234567890' },
    { url: 'https://crm.xiaoshouyi.com/final/account.action?tab=detail&id=987654321012', recordId: '987654321012' },
    { url: 'https://crm.xiaoshouyi.com/final/account.action?id=5550001#activity', recordId: '5550001' },
    { url: 'https://crm.xiaoshouyi.com/final/account.action?id=%20424242%20', recordId: '424242' },
  ],
  negatives: [
    'https://crm.xiaoshouyi.com/final/contact.action?id=1234567890',
    'https://crm.xiaoshouyi.com/final/opportunity.action?id=1234567890',
    'https://crm.xiaoshouyi.com/final/lead.action?id=1234567890',
    'https://crm.xiaoshouyi.com/final/account.action',
    'https://crm.xiaoshouyi.com/final/account.action?id=abc',
    'https://crm.xiaoshouyi.com/final/accountList.action?id=1234567890',
    'https://crm.xiaoshouyi.com.evil.example/final/account.action?id=1234567890',
    'http://crm.xiaoshouyi.com/final/account.action?id=1234567890',
  ],
};

export const URL_TABLES: UrlTable[] = [
  salesforceUrls,
  hubspotUrls,
  dynamicsUrls,
  zohoUrls,
  pipedriveUrls,
  freshsalesUrls,
  fxiaokeUrls,
  xiaoshouyiUrls,
];
