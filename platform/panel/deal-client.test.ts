// @vitest-environment node
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markSignedVia, readDealVia, ServerRefusal } from './deal-client';

const deal = { crm: 'salesforce', recordId: '006D000000AbCdEIAZ', name: 'Acme expansion' };
const answering = (answer: unknown) => {
  const asked: unknown[] = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (msg: unknown) => (asked.push(msg), answer)) as never);
  return asked;
};

describe('the panel asking for the deal and the signing', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('asks the background for the deal of its tab and gives it with the linked account', async () => {
    const account = { crm: 'salesforce', recordId: '001D000000IqhSLIAZ' };
    const asked = answering({ ok: true, deal, account });
    expect(await readDealVia(7)).toEqual({ status: 'read', deal, account });
    expect(asked).toEqual([{ type: 'deal/read', tabId: 7 }]);
  });

  it('a refusal or no answer is an unreadable deal, never a crash', async () => {
    answering({ ok: false, error: 'not_deal' });
    expect(await readDealVia(7)).toEqual({ status: 'unreadable' });
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    expect(await readDealVia(7)).toEqual({ status: 'unreadable' });
  });

  it('sends the signing date, and throws the background’s reason when it refuses', async () => {
    const asked = answering({ ok: true, accountId: 'a1' });
    expect(await markSignedVia({ accountId: 'a1', signedAt: '2026-12-02' })).toEqual({ draftStarted: null, draftRemoved: false });
    expect(asked).toEqual([{ type: 'account/signed', input: { accountId: 'a1', signedAt: '2026-12-02' } }]);
    answering({ ok: true, accountId: 'a1', draftStarted: '2026-12-02T09:00:00.000Z', draftRemoved: false });
    const deal = { name: 'Acme expansion', amount: 48000, currency: 'USD' };
    expect(await markSignedVia({ accountId: 'a1', signedAt: '2026-12-02', deal })).toEqual({ draftStarted: '2026-12-02T09:00:00.000Z', draftRemoved: false });
    answering({ ok: true, accountId: 'a1', draftStarted: null, draftRemoved: true });
    expect(await markSignedVia({ accountId: 'a1', signedAt: null, undoDraft: '2026-12-02T09:00:00.000Z' })).toEqual({ draftStarted: null, draftRemoved: true });
    answering({ error: 'This account is not in your data.' });
    await expect(markSignedVia({ accountId: 'gone', signedAt: null })).rejects.toThrow('This account is not in your data.');
  });

  it('the team server’s refusal keeps its kind, so the card can say what happened in the user’s language', async () => {
    answering({ ok: false, error: 'Could not reach the team server.', kind: 'offline' });
    const failed = markSignedVia({ accountId: 'a1', signedAt: '2026-12-02' });
    await expect(failed).rejects.toBeInstanceOf(ServerRefusal);
    await expect(failed).rejects.toMatchObject({ kind: 'offline', message: 'Could not reach the team server.' });
  });
});
