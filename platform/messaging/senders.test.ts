import { createRouter } from '../background/router';
import { matchesPattern } from './match-pattern';
import { isCrmContentScript, isExtensionPage, type SenderLike } from './senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const CRM = ['https://*.lightning.force.com/*'];
const PAGE = `chrome-extension://${ID}/sidepanel.html?host=frame`;
const CRM_URL = 'https://acme.lightning.force.com/lightning/r/Account/001D000000IqhSLIAZ/view';

// Senders that must never be treated as our content script or our pages.
const HOSTILE: [string, SenderLike][] = [
  ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: CRM_URL, frameId: 0, tab: { id: 1 } }],
  ['a sub-frame of a CRM page', { id: ID, url: CRM_URL, frameId: 3, tab: { id: 1 } }],
  ['a non-CRM site', { id: ID, url: 'https://evil.example/lightning/r/Account/x/view', frameId: 0, tab: { id: 1 } }],
  ['a look-alike host', { id: ID, url: 'https://lightning.force.com.evil.example/', frameId: 0, tab: { id: 1 } }],
  ['plain http', { id: ID, url: 'http://acme.lightning.force.com/', frameId: 0, tab: { id: 1 } }],
  ['no tab', { id: ID, url: CRM_URL, frameId: 0 }],
  ['no id', { url: CRM_URL, frameId: 0, tab: { id: 1 } }],
  ['another extension page', { id: ID, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html', tab: { id: 1 } }],
  ['a page claiming our id with a foreign origin', { id: ID, url: PAGE, origin: 'https://evil.example' }],
];

describe('sender checks', () => {
  it('accepts our content script in a CRM tab and our own pages', () => {
    expect(isCrmContentScript({ id: ID, url: CRM_URL, frameId: 0, tab: { id: 7 } }, ID, CRM)).toBe(true);
    expect(isExtensionPage({ id: ID, url: PAGE, origin: `chrome-extension://${ID}` }, ID)).toBe(true);
  });
  it.each(HOSTILE)('rejects %s', (_label, sender) => {
    expect(isCrmContentScript(sender, ID, CRM)).toBe(false);
    expect(isExtensionPage(sender, ID)).toBe(false);
  });
});

describe('match patterns', () => {
  it.each([
    ['https://*.lightning.force.com/*', 'https://a.lightning.force.com/x', true],
    ['https://*.lightning.force.com/*', 'https://lightning.force.com/x', true],
    ['https://*.lightning.force.com/*', 'https://a.lightning.force.com.evil.example/x', false],
    ['https://app.hubspot.com/*', 'https://app.hubspot.com/contacts/1', true],
    ['https://app.hubspot.com/*', 'https://xapp.hubspot.com/contacts/1', false],
    ['https://app.hubspot.com/contacts/*', 'https://app.hubspot.com/deals/1', false],
    ['not a pattern', 'https://a.b/', false],
  ])('%s on %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });
});

describe('router', () => {
  const setup = () => {
    const calls: string[] = [];
    const rejected: string[] = [];
    const router = createRouter({
      runtimeId: ID,
      crmMatches: () => CRM,
      customMatches: () => Promise.resolve(['https://crm.acme-internal.com/*']),
      onRejected: (r) => rejected.push(r),
      content: {
        'crm/detected': (m) => {
          calls.push(`detected ${m.ref.recordId}`);
          return Promise.resolve({ ok: 1 });
        },
        'crm/left': () => void calls.push('left'),
        'ui/set': () => void calls.push('ui'),
        'crm/config': () => {
          calls.push('rules');
          return [];
        },
        'panel/nonce': () => ({ nonce: 'n' }),
        'panel/loaded': () => ({ claimed: false }),
        'panel/cover': (m) => void calls.push(`cover ${m.reason}`),
      },
      page: {
        'panel/whoami': (_m, s) => ({ tabId: s.tab?.id ?? null }),
        'panel/close': () => void calls.push('close'),
        'ui/set': () => void calls.push('page ui'),
        'sidepanel/open': () => void calls.push('side'),
        'data/changed': () => void calls.push('changed'),
        'rules/test': () => void calls.push('test'),
        'config/changed': () => void calls.push('rules changed'),
        'sync/now': () => void calls.push('sync'),
        'deal/read': () => void calls.push('deal'),
        'account/signed': () => void calls.push('signed'),
        'outbox/discard': () => void calls.push('discard'),
        'engine/preview': () => null,
        'source/changed': () => void calls.push('source'),
        'reminders/check': () => void calls.push('reminders'),
        'record/create': () => void calls.push('create'),
        'record/update': () => void calls.push('update'),
        'record/put': () => void calls.push('put'),
        'record/remove': () => void calls.push('remove'),
        'conflict/settle': () => void calls.push('settle'),
        'channels/list': () => void calls.push('channels'),
        'channels/deliveries': () => void calls.push('deliveries'),
        'channels/deliver': () => void calls.push('deliver'),
        'automation/scheduled': () => void calls.push('scheduled'),
        'automation/cancel': () => void calls.push('cancel scheduled'),
        'automation/rules': () => void calls.push('rules'),
        'automation/set': () => void calls.push('set rule'),
        'term/outcome': () => void calls.push('outcome'),
        'term/plan': () => void calls.push('plan'),
        'term/paid': () => void calls.push('paid'),
        'account/add': () => {
          throw new Error('nope');
        },
        'transfer/preview': () => void calls.push('transfer preview'),
        'transfer/apply': () => void calls.push('transfer apply'),
        'transfer/export': () => void calls.push('transfer export'),
        'demo/load': () => void calls.push('demo'),
        'kept/export': () => void calls.push('kept export'),
        'kept/discard': () => void calls.push('kept discard'),
        'sso/signin': () => void calls.push('sso signin'),
        'sso/signout': () => void calls.push('sso signout'),
      },
    });
    return { router, calls, rejected };
  };
  const content: SenderLike = { id: ID, url: CRM_URL, frameId: 0, tab: { id: 4 } };

  it('routes a valid content message and answers asynchronously', async () => {
    const { router, calls } = setup();
    const answer = new Promise((r) => expect(router({ type: 'crm/detected', ref: { crm: 'salesforce', recordId: 'x' } }, content, r)).toBe(true));
    expect(await answer).toEqual({ ok: 1 });
    expect(calls).toEqual(['detected x']);
  });

  it('does not let a content script send page-only commands', () => {
    const { router, calls, rejected } = setup();
    router({ type: 'sidepanel/open', tabId: 4 }, content, () => undefined);
    router({ type: 'data/changed' }, content, () => undefined);
    expect(calls).toEqual([]);
    expect(rejected).toEqual(['malformed message', 'malformed message']);
  });

  it('takes a cover report only from the content script, and only with a known reason', () => {
    const { router, calls, rejected } = setup();
    router({ type: 'panel/cover', reason: 'covered' }, content, () => undefined);
    router({ type: 'panel/cover', reason: null }, content, () => undefined);
    router({ type: 'panel/cover', reason: 'fine, trust me' }, content, () => undefined);
    // The panel page itself (or a page framing it) cannot clear a cover.
    router({ type: 'panel/cover', reason: null }, { id: ID, url: `chrome-extension://${ID}/sidepanel.html`, frameId: 3, tab: { id: 4 } }, () => undefined);
    expect(calls).toEqual(['cover covered', 'cover null']);
    expect(rejected).toHaveLength(2);
  });

  it('ignores malformed and hostile payloads', () => {
    const { router, calls } = setup();
    const bad = [
      null,
      'crm/detected',
      { type: 'crm/detected' },
      { type: 'crm/detected', ref: { crm: 'evilcrm', recordId: 'x' } },
      { type: 'crm/detected', ref: { crm: 'salesforce', recordId: 'x'.repeat(5000) } },
      JSON.parse('{"type":"crm/left","__proto__":{"polluted":true}}'),
    ];
    for (const m of bad) router(m, content, () => undefined);
    expect(calls).toEqual(['left']); // the last one is a valid crm/left; its __proto__ key is ignored
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops everything from unknown senders', async () => {
    const { router, calls, rejected } = setup();
    for (const [, sender] of HOSTILE) router({ type: 'crm/left' }, sender, () => undefined);
    await new Promise((r) => setTimeout(r, 0)); // senders that could be on a custom host are checked asynchronously
    expect(calls).toEqual([]);
    expect(rejected.length).toBe(HOSTILE.length);
  });

  it("accepts content scripts on the hosts of the user's own rules, and only those", async () => {
    const { router, calls, rejected } = setup();
    const custom = { id: ID, url: 'https://crm.acme-internal.com/accounts/7', frameId: 0, tab: { id: 5 } };
    const answer = await new Promise((r) => expect(router({ type: 'crm/config' }, custom, r)).toBe(true));
    expect(answer).toEqual([]);
    const other = await new Promise((r) => router({ type: 'crm/config' }, { ...custom, url: 'https://crm.other.com/x' }, r));
    expect(other).toBeNull();
    expect(calls).toEqual(['rules']);
    expect(rejected).toEqual(['unknown sender']);
  });

  it('answers a page with its tab and turns a thrown error into a readable answer', () => {
    const { router } = setup();
    let answer: unknown;
    router({ type: 'panel/whoami' }, { id: ID, url: PAGE, tab: { id: 9 } }, (r) => (answer = r));
    expect(answer).toEqual({ tabId: 9 });
    router({ type: 'account/add', ref: { crm: 'salesforce', recordId: 'x' }, input: { name: 'a', contractEnd: 'b' } }, { id: ID, url: PAGE }, (r) => (answer = r));
    expect(answer).toEqual({ error: 'nope' });
  });
});
