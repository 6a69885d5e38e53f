import { createRouter } from './router';
import {
  NONCE_TTL_MS,
  claimFrame,
  emptyFrameBook,
  forgetTabFrames,
  framedGate,
  isVerifiedFrame,
  issueNonce,
  nonceClaimed,
  panelNonceOf,
  parseFrameBook,
  randomNonce,
  type FrameBook,
} from '../messaging/frames';
import type { SenderLike } from '../messaging/senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const NONCE = '0123456789abcdef0123456789abcdef';
const OTHER = 'fedcba9876543210fedcba9876543210';
const T0 = Date.UTC(2027, 0, 4, 10);
const url = (n: string, extra = '') => `chrome-extension://${ID}/sidepanel.html?host=frame&n=${n}${extra}`;
/** Our panel page in frame 5 of tab 7, as the browser reports it. */
const ours: SenderLike = { id: ID, url: url(NONCE), origin: `chrome-extension://${ID}`, frameId: 5, documentId: 'DOC-A', tab: { id: 7 } };
const issued = (): FrameBook => issueNonce(emptyFrameBook(), 7, NONCE, T0);

describe('panel frame nonces', () => {
  it('verifies the frame that claims a fresh nonce issued to its tab, once', () => {
    const { book, verdict } = claimFrame(issued(), ours, ID, T0 + 1000);
    expect(verdict).toBe('verified');
    expect(book.pending).toEqual([]);
    expect(isVerifiedFrame(book, ours, ID)).toBe(true);
    expect(nonceClaimed(book, 7, NONCE)).toBe(true);
    // The same document may ask again (a restarted worker); the nonce itself is spent.
    expect(claimFrame(book, ours, ID, T0 + 5000).verdict).toBe('verified');
    expect(claimFrame(book, { ...ours, frameId: 6, documentId: 'DOC-B' }, ID, T0 + 5000).verdict).toBe('unknown nonce');
  });

  // Senders a hostile page can produce (framing sidepanel.html itself, navigating our frame, opening it
  // in a tab) and senders that are not our panel at all: none is verified, none learns a tab.
  const HOSTILE: [string, SenderLike, number?][] = [
    ['a frame without a nonce', { ...ours, url: `chrome-extension://${ID}/sidepanel.html?host=frame` }],
    ['a frame posing as the side panel', { ...ours, url: `chrome-extension://${ID}/sidepanel.html` }],
    ['a guessed nonce', { ...ours, url: url(OTHER) }],
    ['a malformed nonce', { ...ours, url: url('0123') }],
    ['a nonce given twice', { ...ours, url: url(NONCE, `&n=${OTHER}`) }],
    ['the nonce on another page of ours', { ...ours, url: `chrome-extension://${ID}/options.html?host=frame&n=${NONCE}` }],
    ['the nonce in another tab', { ...ours, tab: { id: 8 } }],
    ['the top frame of a tab (the panel page opened as a tab)', { ...ours, frameId: 0 }],
    ['no tab (the side panel cannot hold a frame nonce)', { id: ID, url: url(NONCE), origin: `chrome-extension://${ID}`, frameId: 5 }],
    ['another extension', { ...ours, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/sidepanel.html?host=frame&n=${NONCE}` }],
    ['a web page claiming our id', { ...ours, url: `https://evil.example/sidepanel.html?host=frame&n=${NONCE}`, origin: 'https://evil.example' }],
    ['our URL with a foreign origin', { ...ours, origin: 'https://acme.lightning.force.com' }],
    ['an expired nonce', ours, T0 + NONCE_TTL_MS],
    ['a nonce from the future (clock moved back)', ours, T0 - 1],
  ];
  it.each(HOSTILE)('refuses %s', (_label, sender, at) => {
    const { book, verdict } = claimFrame(issued(), sender, ID, at ?? T0 + 1000);
    expect(verdict).not.toBe('verified');
    expect(isVerifiedFrame(book, sender, ID)).toBe(false);
    expect(book.frames).toEqual([]);
  });

  it('spends a nonce claimed from the wrong tab, so the leak cannot be retried', () => {
    const { book } = claimFrame(issued(), { ...ours, tab: { id: 8 } }, ID, T0 + 1000);
    expect(claimFrame(book, ours, ID, T0 + 2000).verdict).toBe('unknown nonce');
  });

  it('does not carry a claim over to a new document in the same frame (the page navigated it)', () => {
    const { book } = claimFrame(issued(), ours, ID, T0 + 1000);
    expect(isVerifiedFrame(book, { ...ours, documentId: 'DOC-SWAPPED' }, ID)).toBe(false);
    expect(isVerifiedFrame(book, { ...ours, frameId: 9 }, ID)).toBe(false);
    expect(isVerifiedFrame(book, { ...ours, url: `chrome-extension://${ID}/sidepanel.html?host=frame` }, ID)).toBe(false);
    expect(isVerifiedFrame(book, { ...ours, tab: { id: 8 } }, ID)).toBe(false);
  });

  it('keeps few nonces per tab, drops stale ones, and forgets a closed tab', () => {
    let book = emptyFrameBook();
    const nonces = Array.from({ length: 6 }, (_, i) => String(i).repeat(32));
    nonces.forEach((n, i) => (book = issueNonce(book, 7, n, T0 + i)));
    book = issueNonce(book, 9, OTHER, T0 + NONCE_TTL_MS - 1);
    expect(book.pending.filter((p) => p.tabId === 7).map((p) => p.nonce)).toEqual(nonces.slice(2));
    book = issueNonce(book, 9, NONCE, T0 + NONCE_TTL_MS + 10);
    expect(book.pending.map((p) => p.nonce)).toEqual([OTHER, NONCE]);
    expect(forgetTabFrames(book, 9)).toEqual(emptyFrameBook());
    expect(() => issueNonce(book, 7, 'not-hex', T0)).toThrow('32 hex digits');
  });

  it('reads a stored book defensively and makes unguessable nonces', () => {
    const { book } = claimFrame(issued(), ours, ID, T0 + 1000);
    expect(parseFrameBook(JSON.parse(JSON.stringify(book)))).toEqual(book);
    expect(parseFrameBook({ pending: [{ nonce: 'x', tabId: 1, issuedAt: 0 }, null], frames: 'no' })).toEqual(emptyFrameBook());
    expect(parseFrameBook(undefined)).toEqual(emptyFrameBook());
    expect(randomNonce(() => new Uint8Array(16).fill(171))).toBe('ab'.repeat(16));
    expect(randomNonce()).toMatch(/^[0-9a-f]{32}$/);
    expect(randomNonce()).not.toBe(randomNonce());
    expect(panelNonceOf(url(NONCE), ID)).toBe(NONCE);
    expect(panelNonceOf('not a url', ID)).toBeNull();
  });
});

describe('framed pages in the router', () => {
  const page: SenderLike = { ...ours };
  const setup = (verified: (s: SenderLike) => boolean | Promise<boolean>) => {
    const calls: string[] = [];
    const rejected: string[] = [];
    const handler = (name: string) => () => void calls.push(name);
    const router = createRouter({
      runtimeId: ID,
      crmMatches: () => [],
      onRejected: (r) => rejected.push(r),
      verifiedFrame: verified,
      content: { 'crm/detected': handler('detected'), 'crm/left': handler('left'), 'ui/set': handler('ui'), 'crm/config': handler('config'), 'panel/nonce': handler('nonce'), 'panel/loaded': handler('loaded'), 'panel/cover': handler('cover') },
      page: {
        'panel/whoami': handler('whoami'), 'panel/close': handler('close'), 'ui/set': handler('ui'), 'sidepanel/open': handler('sidepanel'),
        'data/changed': handler('changed'), 'rules/test': handler('rules'), 'config/changed': handler('config'), 'sync/now': handler('sync'),
        'engine/preview': handler('preview'), 'source/changed': handler('source'), 'reminders/check': handler('reminders'),
        'record/create': handler('write'), 'record/update': handler('update'), 'record/put': handler('put'), 'record/remove': handler('remove'), 'conflict/settle': handler('settle'), 'channels/list': handler('channels'), 'channels/deliveries': handler('deliveries'), 'channels/deliver': handler('deliver'), 'automation/scheduled': handler('scheduled'), 'automation/cancel': handler('cancel scheduled'), 'automation/rules': handler('rules'), 'automation/set': handler('set rule'), 'account/add': handler('add'), 'outbox/discard': handler('discard'),
        'term/outcome': handler('outcome'), 'term/plan': handler('plan'), 'term/paid': handler('paid'), 'deal/read': handler('deal'), 'account/signed': handler('signed'),
        'transfer/preview': handler('transfer preview'), 'transfer/apply': handler('transfer apply'), 'transfer/export': handler('transfer export'),
        'demo/load': handler('demo'), 'kept/export': handler('kept export'), 'kept/discard': handler('kept discard'),
        'sso/signin': handler('sso signin'), 'sso/signout': handler('sso signout'),
      },
    });
    return { router, calls, rejected };
  };
  const write = { type: 'record/create', kind: 'notes', fields: {} };

  it('lets an unverified frame only ask who it is', async () => {
    const { router, calls, rejected } = setup(() => false);
    for (const m of [{ type: 'panel/whoami' }, write, { type: 'panel/close' }, { type: 'ui/set', patch: { open: true } }, { type: 'sidepanel/open', tabId: 7 }, { type: 'sync/now' }, { type: 'outbox/discard', key: 'k1' }])
      router(m, page, () => undefined);
    expect(calls).toEqual(['whoami']);
    expect(rejected).toHaveLength(6);
  });

  it('acts for a verified frame, synchronously when the answer is at hand (a click keeps its gesture)', async () => {
    const { router, calls } = setup(() => true);
    expect(router({ type: 'sidepanel/open', tabId: 7 }, page, () => undefined)).toBe(false);
    expect(calls).toEqual(['sidepanel']);
    // The side panel of another tab is refused even for a verified frame.
    router({ type: 'sidepanel/open', tabId: 8 }, page, () => undefined);
    expect(calls).toEqual(['sidepanel']);
  });

  it('waits for a check that has to read storage, then acts or refuses', async () => {
    const ok = setup(() => Promise.resolve(true));
    await new Promise((r) => expect(ok.router(write, page, r)).toBe(true));
    expect(ok.calls).toEqual(['write']);
    const no = setup(() => Promise.resolve(false));
    expect(await new Promise((r) => no.router(write, page, r))).toBeNull();
    expect(no.calls).toEqual([]);
    expect(no.rejected).toEqual(['unverified frame']);
  });

  it('checks nothing for our pages outside frames: the side panel, the popup, our tabs', () => {
    const { router, calls } = setup(() => false);
    router(write, { id: ID, url: `chrome-extension://${ID}/sidepanel.html`, origin: `chrome-extension://${ID}` }, () => undefined);
    router(write, { id: ID, url: `chrome-extension://${ID}/portfolio.html`, frameId: 0, tab: { id: 3 } }, () => undefined);
    expect(calls).toEqual(['write', 'write']);
    expect(framedGate('record/create', write, { ...page, frameId: 0 })).toBe('pass');
  });

  it('takes import, export, the demo book and signing in or out from the options page in its own tab only', () => {
    const { router, calls, rejected } = setup(() => true);
    const options: SenderLike = { id: ID, url: `chrome-extension://${ID}/options.html#section-import`, origin: `chrome-extension://${ID}`, frameId: 0, tab: { id: 3 } };
    const commands = [
      { type: 'transfer/export', kind: 'json' }, { type: 'demo/load' }, { type: 'kept/export' }, { type: 'kept/discard', seq: 1 },
      { type: 'sso/signin', baseUrl: 'https://lens.example.com', maxAgeMinutes: 15 }, { type: 'sso/signout' },
    ];
    // A verified panel frame, the side panel, the popup, the options page framed by a CRM page: all refused.
    const others: SenderLike[] = [
      page,
      { id: ID, url: `chrome-extension://${ID}/sidepanel.html`, origin: `chrome-extension://${ID}` },
      { id: ID, url: `chrome-extension://${ID}/popup.html`, origin: `chrome-extension://${ID}` },
      { ...options, frameId: 4 },
      { ...options, url: `chrome-extension://${ID}/portfolio.html` },
    ];
    for (const sender of others) for (const m of commands) router(m, sender, () => undefined);
    expect(calls).toEqual([]);
    expect(rejected).toEqual(Array(others.length * commands.length).fill('options page only'));
    for (const m of commands) router(m, options, () => undefined);
    expect(calls).toEqual(['transfer export', 'demo', 'kept export', 'kept discard', 'sso signin', 'sso signout']);
    // Everything else a panel frame sends as before.
    router(write, page, () => undefined);
    expect(calls.at(-1)).toBe('write');
  });
});
