import type { UrlTable } from './url-tables';

/** The URL table of the fxiaoke adapter (fxiaoke.ts): account-record URLs with what they must yield, and URLs that are not account records. */
export const fxiaokeUrls: UrlTable = {
  crm: 'fxiaoke',
  positives: [
    { url: 'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1', recordId: '5f8a1c2e9b3d4a0012c4e7f1' },
    { url: 'https://www.fxiaoke.com/XV/UI/Home/#crm/detail/=/AccountObj/64b0c3d2e1f0a9000137a2b5/', recordId: '64b0c3d2e1f0a9000137a2b5' },
    { url: 'https://www.fxiaoke.com/XV/UI/Home?lang=zh-CN#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1', recordId: '5f8a1c2e9b3d4a0012c4e7f1' },
    { url: 'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/650a11b2c3d4e5f601234567?from=list', recordId: '650a11b2c3d4e5f601234567' },
    // A tenant on its own subdomain (public scripts open hws.fxiaoke.com/XV/UI/Home#crm/list/=/…).
    { url: 'https://hws.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1', recordId: '5f8a1c2e9b3d4a0012c4e7f1', orgKey: 'hws' },
    { url: 'https://Acme-Group.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/64b0c3d2e1f0a9000137a2b5', recordId: '64b0c3d2e1f0a9000137a2b5', orgKey: 'acme-group' },
  ],
  deals: [
    { url: 'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/NewOpportunityObj/65c1d2e3f4a5b60012345678', recordId: '65c1d2e3f4a5b60012345678' },
    { url: 'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/OpportunityObj/5e9f8a7b6c5d4e0012ab34cd', recordId: '5e9f8a7b6c5d4e0012ab34cd' },
    { url: 'https://hws.fxiaoke.com/XV/UI/Home#crm/detail/=/NewOpportunityObj/65c1d2e3f4a5b60012345678?from=list', recordId: '65c1d2e3f4a5b60012345678', orgKey: 'hws' },
  ],
  negatives: [
    'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/ContactObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/LeadsObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://www.fxiaoke.com/XV/UI/Home#crm/list/=/NewOpportunityObj',
    'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/SalesOrderObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://open.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://a.b.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://hws.fxiaoke.com.evil.example/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://evilfxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://www.fxiaoke.com/XV/UI/Home#crm/list/=/AccountObj',
    'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/',
    'https://www.fxiaoke.com/XV/UI/Home#crm/index',
    'https://www.fxiaoke.com/XV/UI/Other#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
    'https://www.fxiaoke.com.evil.example/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
    'http://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1',
  ],
};
