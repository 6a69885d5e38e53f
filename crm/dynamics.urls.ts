import type { UrlTable } from './url-tables';

/** The URL table of the dynamics adapter (dynamics.ts): account-record URLs with what they must yield, and URLs that are not account records. */
const G = '5a8b2c1d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';

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
    // Through Microsoft Defender for Cloud Apps: the org is the app's own host.
    { url: `https://contoso.crm4.dynamics.com.mcas.ms/main.aspx?pagetype=entityrecord&etn=account&id=${G}`, recordId: G, orgKey: 'contoso.crm4.dynamics.com' },
  ],
  deals: [
    { url: `https://contoso.crm4.dynamics.com/main.aspx?appid=7f3c1a2b-0000-4000-8000-000000000001&pagetype=entityrecord&etn=opportunity&id=${G}`, recordId: G, orgKey: 'contoso.crm4.dynamics.com' },
    { url: `https://contoso.crm.dynamics.com/main.aspx?etc=3&id=%7b${G}%7d&pagetype=entityrecord`, recordId: G, orgKey: 'contoso.crm.dynamics.com' },
    { url: `https://contoso.crm4.dynamics.com.mcas.ms/main.aspx?pagetype=entityrecord&etn=opportunity&id=${G}`, recordId: G, orgKey: 'contoso.crm4.dynamics.com' },
  ],
  negatives: [
    `https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=${G}`,
    `https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity`,
    `https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=constructor&id=${G}`,
    `https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=${G}`,
    `https://contoso.crm.dynamics.com/main.aspx?etc=2&id=${G}&pagetype=entityrecord`,
    'https://contoso.crm4.dynamics.com/main.aspx?appid=7f3c1a2b-0000-4000-8000-000000000001&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001001',
    // New-record form: no id yet.
    'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account',
    'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=not-a-guid',
    `https://contoso.operations.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
    `https://contoso.crm4.dynamics.com/other.aspx?pagetype=entityrecord&etn=account&id=${G}`,
    `https://contoso.crm4.dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
    `https://contoso.crm4.dynamics.com.mcas.ms.evil.example/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
    `https://dynamics.com.mcas.ms/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
    `https://evil.example/contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
    `http://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
  ],
};
