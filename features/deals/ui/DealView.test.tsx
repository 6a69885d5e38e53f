import { cleanup, render, screen } from '@testing-library/react';
import { useUndoClock } from '../../../tests/support/undo-clock';
import type { Account } from '../../../data/model/account';
import type { Locale } from '../../../shared/i18n';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { DealLink } from '../deal';
import { DealView } from './DealView';
import { SIGNED_UNDO_MS } from './MarkSigned';
import { ServerRefusal } from '../../../platform/panel/deal-client';

const sent: { accountId: string; signedAt: string | null; deal?: unknown; undoDraft?: string }[] = [];
let refuse: Error | null = null;
// The creation moment the background answers when the mark started a handover draft (null: none started).
let started: string | null = null;
vi.mock('../../../platform/panel/deal-client', async (actual) => ({
  ServerRefusal: (await actual<typeof import('../../../platform/panel/deal-client')>()).ServerRefusal,
  markSignedVia: vi.fn(async (input: { accountId: string; signedAt: string | null }) => {
    if (refuse) throw refuse;
    sent.push(input);
    return { draftStarted: input.signedAt ? started : null, draftRemoved: false };
  }),
}));
const { click, advance } = useUndoClock(() => {
  sent.length = 0;
  refuse = null;
  started = null;
});

const T = '2026-01-01T00:00:00.000Z';
const acme: Account = { id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme Corp', contractEnd: '2027-12-31', createdAt: T, updatedAt: T };
const deal = { crm: 'salesforce' as const, recordId: '006D000000AbCdEIAZ', name: 'Acme expansion', account: { recordId: '001D000000IqhSLIAZ', name: 'Acme' }, amount: { amount: 48000, currency: 'USD', text: 'USD 48,000.00' } };
const opened: number[] = [];
const show = (link: DealLink, opts: { locale?: Locale; account?: Account | null; deal?: typeof deal | Omit<typeof deal, 'amount'> } = {}) =>
  render(
    <I18nProvider locale={opts.locale ?? 'en'}>
      <DealView deal={opts.deal ?? deal} link={link} accountName="Acme" account={opts.account} today="2026-12-02" involvement={<p data-testid="slot">advice</p>}
        onOpenHandover={() => void opened.push(1)} />
    </I18nProvider>,
  );

describe('the deal view', () => {
  it('shows the deal, its amount with the currency, the account in the data, the involvement advice and Mark signed', () => {
    show('in_data', { account: acme });
    expect(screen.getByTestId('deal-name')).toHaveTextContent('Acme expansion');
    expect(screen.getByTestId('deal-amount')).toHaveTextContent('$48,000');
    expect(screen.getByTestId('deal-account')).toHaveTextContent('Acme Corp · In your data');
    expect(screen.getByTestId('slot')).toHaveTextContent('advice');
    expect(screen.getByRole('button', { name: 'Mark signed' })).toBeInTheDocument();
  });

  it('in Chinese, with an amount whose currency the page did not name', () => {
    const noCurrency = { ...deal, amount: { amount: 120000, text: '120,000' } };
    show('in_data', { locale: 'zh-CN', account: acme, deal: noCurrency });
    expect(screen.getByTestId('deal-amount')).toHaveTextContent('120,000 (未显示币种)');
    expect(screen.getByTestId('deal-account')).toHaveTextContent('Acme Corp · 已在你的数据中');
    expect(screen.getByRole('button', { name: '标记签约' })).toBeInTheDocument();
  });

  it('an account not in the data: says so by name, offers no Mark signed, in both languages', () => {
    show('not_in_data', { account: null });
    expect(screen.getByTestId('deal-not-in-data')).toHaveTextContent('Acme is not in your data yet');
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    show('not_in_data', { account: null, locale: 'zh-CN' });
    expect(screen.getByTestId('deal-not-in-data')).toHaveTextContent('Acme 还不在你的数据中');
  });

  it('a deal linked to no account record, and one without an amount', () => {
    const { amount: _none, ...bare } = deal;
    show('no_link', { deal: bare });
    expect(screen.getByTestId('deal-no-link')).toHaveTextContent('links to no account record');
    expect(screen.getByTestId('deal-amount')).toHaveTextContent('No amount on the page');
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    show('no_link', { deal: bare, locale: 'zh-CN' });
    expect(screen.getByTestId('deal-no-link')).toHaveTextContent('没有链接到客户记录');
    expect(screen.getByTestId('deal-amount')).toHaveTextContent('页面上没有金额');
  });
});

describe('Mark signed', () => {
  it('is offered for an account the team server keeps, saying the date is set there for the team, in both languages', async () => {
    show('in_data', { account: { ...acme, source: 'api' } });
    expect(screen.getByTestId('deal-server-owned')).toHaveTextContent('Mark signed sets its signing date there, for the whole team');
    await click('Mark signed');
    expect(sent).toMatchObject([{ accountId: 'a1', signedAt: '2026-12-02' }]);
    expect(screen.getByTestId('signed-on')).toHaveTextContent('Signed on Dec 2, 2026');
    cleanup();
    show('in_data', { account: { ...acme, source: 'api' }, locale: 'zh-CN' });
    expect(screen.getByTestId('deal-server-owned')).toHaveTextContent('在服务器上为整个团队设置签约日期');
  });

  it.each([
    ['offline', 'en', 'The team server could not be reached, so the account is not marked signed.'],
    ['timeout', 'zh-CN', '无法连接团队服务器，客户未标记为已签约。'],
    ['signed_out', 'en', 'Signed out of the team server, so the account is not marked signed: sign in again in the options'],
    ['unauthorized', 'zh-CN', '已退出团队服务器'],
    ['rejected', 'en', 'The team server did not mark the account signed: a sales may not write accounts'],
    ['not_found', 'zh-CN', '团队服务器未将客户标记为已签约：a sales may not write accounts'],
  ] as const)('the team server did not take it (%s): says so in %s, and nothing is shown as signed', async (kind, locale, text) => {
    refuse = new ServerRefusal('a sales may not write accounts', kind);
    show('in_data', { account: { ...acme, source: 'api' }, locale });
    await click(locale === 'en' ? 'Mark signed' : '标记签约');
    expect(screen.getByRole('alert')).toHaveTextContent(text);
    expect(screen.queryByTestId('signed-on')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('sets today as the signing date, with an Undo for 10 seconds, then the date alone', async () => {
    show('in_data', { account: acme });
    await click('Mark signed');
    expect(sent).toEqual([{ accountId: 'a1', signedAt: '2026-12-02', deal: { name: 'Acme expansion', amount: 48000, currency: 'USD' } }]);
    expect(screen.getByTestId('signed-on')).toHaveTextContent('Signed on Dec 2, 2026');
    expect(screen.queryByTestId('handover-draft-started')).toBeNull();
    advance(SIGNED_UNDO_MS - 1);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    advance(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.getByTestId('signed-on')).toHaveTextContent('Signed on Dec 2, 2026');
    expect(sent).toHaveLength(1);
  });

  it('undone: puts back the date the account had before, and Mark signed is offered again', async () => {
    show('in_data', { account: { ...acme, signedAt: '2025-11-20' } });
    expect(screen.getByTestId('signed-on')).toHaveTextContent('Signed on Nov 20, 2025');
    await click('Mark signed');
    await click('Undo');
    expect(sent).toMatchObject([{ accountId: 'a1', signedAt: '2026-12-02' }, { accountId: 'a1', signedAt: '2025-11-20' }]);
    expect(sent[1]).not.toHaveProperty('undoDraft');
    expect(screen.getByTestId('signed-on')).toHaveTextContent('Signed on Nov 20, 2025');
    expect(screen.getByRole('button', { name: 'Mark signed' })).toBeInTheDocument();
  });

  it('undone on an account that had no date: none again; in Chinese', async () => {
    show('in_data', { account: acme, locale: 'zh-CN' });
    await click('标记签约');
    expect(screen.getByTestId('signed-on')).toHaveTextContent('签约于 2026年12月2日');
    await click('撤销');
    expect(sent.at(-1)).toEqual({ accountId: 'a1', signedAt: null });
    expect(sent[0]).toMatchObject({ deal: { name: 'Acme expansion' } });
    expect(screen.queryByTestId('signed-on')).toBeNull();
  });

  it('a refused write says why and changes nothing shown', async () => {
    refuse = new Error('This account is not in your data.');
    show('in_data', { account: acme });
    await click('Mark signed');
    expect(screen.getByRole('alert')).toHaveTextContent('This account is not in your data.');
    expect(screen.queryByTestId('signed-on')).toBeNull();
  });
});

describe('Mark signed and the handover draft', () => {
  const T2 = '2026-12-02T09:00:00.000Z';
  it('a draft started: says so with a way to open it, for as long as the day is shown', async () => {
    started = T2;
    opened.length = 0;
    show('in_data', { account: acme });
    await click('Mark signed');
    expect(screen.getByTestId('handover-draft-started')).toHaveTextContent('Handover draft started — open it');
    await click('open it');
    expect(opened).toEqual([1]);
    advance(SIGNED_UNDO_MS);
    expect(screen.getByTestId('handover-draft-started')).toBeInTheDocument();
  });

  it('undone: asks to take back the draft it started, and the line is gone; in Chinese', async () => {
    started = T2;
    show('in_data', { account: acme, locale: 'zh-CN' });
    await click('标记签约');
    expect(screen.getByTestId('handover-draft-started')).toHaveTextContent('已开始交接草稿——打开');
    await click('撤销');
    expect(sent.at(-1)).toEqual({ accountId: 'a1', signedAt: null, undoDraft: T2 });
    expect(screen.queryByTestId('handover-draft-started')).toBeNull();
  });

  it('a deal without an amount sends what it has: the name only', async () => {
    const { amount: _none, ...bare } = deal;
    show('in_data', { account: acme, deal: bare });
    await click('Mark signed');
    expect(sent).toEqual([{ accountId: 'a1', signedAt: '2026-12-02', deal: { name: 'Acme expansion' } }]);
  });
});
