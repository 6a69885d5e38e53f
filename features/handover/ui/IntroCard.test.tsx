import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { Handover, Milestone } from '../../../data/model/records';
import { CHAT_MAX_CHARS, chatLength } from '../../../shared/text/chat';
import { IntroCard } from './IntroCard';

const puts: unknown[][] = [];
let refuseNext: Error | null = null;
vi.mock('../../../platform/panel/data-client', () => ({
  putRecordVia: vi.fn(async (...args: unknown[]) => {
    const refused = refuseNext;
    refuseNext = null;
    if (refused) throw refused;
    puts.push(args);
  }),
}));

const clipboard: string[] = [];
let clipboardRefuses = false;
beforeEach(() => {
  puts.length = 0;
  clipboard.length = 0;
  clipboardRefuses = false;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (text: string) => {
        if (clipboardRefuses) throw new Error('denied by the permissions policy');
        clipboard.push(text);
      },
    },
  });
  // The fallback a framed panel uses when the Clipboard API is refused: refused too here.
  document.execCommand = () => false;
});

const stamp = '2026-11-01T00:00:00.000Z';
const NOW = new Date(2026, 10, 23, 10);
const account: Account = { id: 'a1', crm: 'salesforce', recordId: '001', name: 'Acme', owner: 'Maya', csm: 'Priya', contractEnd: '2027-10-31', createdAt: stamp, updatedAt: stamp };
const handover: Handover = {
  id: 'handover:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, version: 3, status: 'accepted',
  outcomes: ['Quotes out in **1 day** instead of 3'], keyPeople: [{ role: 'boss', name: 'Dana' }],
};
const milestones: Milestone[] = [{ id: 'm1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, key: 'kick_off', title: 'Kick-off meeting', dueDate: '2026-11-30' }];
const card = (locale: Locale, h: Handover = handover) =>
  render(
    <I18nProvider locale={locale}>
      <IntroCard account={account} handover={h} milestones={milestones} plan={undefined} now={NOW} uiLanguage={locale} />
    </I18nProvider>,
  );

describe('IntroCard: copy for chat', () => {
  it('copies the chat text, plain and bounded, without the e-mail subject', async () => {
    card('en');
    const chat = (screen.getByLabelText('Chat text') as HTMLTextAreaElement).value;
    fireEvent.click(screen.getByRole('button', { name: 'Copy for chat' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Copied to the clipboard.');
    expect(clipboard).toEqual([chat]);
    const copied = clipboard[0]!;
    expect(copied.split('\n')[0]).toBe("Hello Dana, I'm Priya, your Customer Success Manager from today.");
    expect(copied).toContain('- Quotes out in 1 day instead of 3');
    expect(copied).toContain('- Kick-off meeting, 30 Nov');
    expect(copied).toContain('- First monthly service day, 27 Nov');
    expect(copied).not.toContain('meet Priya, your Customer Success Manager');
    expect(copied).not.toMatch(/\*\*|\n\n/);
    expect(chatLength(copied)).toBeLessThanOrEqual(CHAT_MAX_CHARS);
    expect(screen.getByTestId('intro-chat-length')).toHaveTextContent(`${chatLength(copied)} of 500 characters`);
  });

  it('copies the e-mail with its subject from the button beside it', async () => {
    card('en');
    fireEvent.click(screen.getByRole('button', { name: 'Copy e-mail' }));
    await waitFor(() => expect(clipboard).toHaveLength(1));
    expect(clipboard[0]!.startsWith('Acme: meet Priya, your Customer Success Manager\n\nDear Dana,\n\n')).toBe(true);
    expect(clipboard[0]).toBe((screen.getByLabelText('Introduction message') as HTMLTextAreaElement).value);
  });

  it('says so in Chinese when the clipboard is refused, and copies the Chinese chat text when it is not', async () => {
    card('zh-CN');
    clipboardRefuses = true;
    fireEvent.click(screen.getByRole('button', { name: '复制为聊天消息' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('复制失败：请手动选中文本并复制。');
    clipboardRefuses = false;
    fireEvent.click(screen.getByRole('button', { name: '复制为聊天消息' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已复制到剪贴板。');
    expect(clipboard[0]!.split('\n')[0]).toBe('Dana您好，我是Acme的客户成功经理Priya，今后由我和您对接。');
    expect(clipboard[0]).toContain('· Kick-off meeting（11月30日）\n· 首次月度服务日（11月27日）');
  });
});

describe('IntroCard: success story', () => {
  it('shows the story being typed in both wordings and keeps it on the handover at its fixed id', async () => {
    card('en');
    fireEvent.change(screen.getByLabelText('Success story (optional)'), { target: { value: '  Northwind quotes the same day now.  ' } });
    expect((screen.getByLabelText('Introduction message') as HTMLTextAreaElement).value).toContain('similar situation: Northwind quotes the same day now.');
    expect((screen.getByLabelText('Chat text') as HTMLTextAreaElement).value).toContain('A similar customer: Northwind quotes the same day now.');
    fireEvent.click(screen.getByRole('button', { name: 'Save story' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Success story saved.');
    expect(puts).toEqual([['handovers', { id: 'handover:a1', accountId: 'a1', version: 3 }, { successStory: 'Northwind quotes the same day now.' }]]);
  });

  it('removes a story emptied out', async () => {
    card('en', { ...handover, successStory: 'Old story' });
    expect(screen.getByLabelText('Success story (optional)')).toHaveValue('Old story');
    fireEvent.change(screen.getByLabelText('Success story (optional)'), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save story' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Success story removed.');
    expect(puts).toEqual([['handovers', { id: 'handover:a1', accountId: 'a1', version: 3 }, {}, { unset: ['successStory'] }]]);
  });

  it('refuses a story too long or unstorable with a message in the user’s language, keeping what was typed', async () => {
    card('zh-CN');
    const long = '很'.repeat(1001);
    fireEvent.change(screen.getByLabelText('成功案例（选填）'), { target: { value: long } });
    fireEvent.click(screen.getByRole('button', { name: '保存案例' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('案例共 1001 个字符，请控制在 1000 个以内。未保存任何内容。');
    expect(screen.getByLabelText('成功案例（选填）')).toHaveValue(long);
    fireEvent.change(screen.getByLabelText('成功案例（选填）'), { target: { value: 'a\u0000b' } });
    fireEvent.click(screen.getByRole('button', { name: '保存案例' }));
    expect(await screen.findByText(/空字符（U\+0000）/)).toBeInTheDocument();
    expect(puts).toEqual([]);
  });

  it('says why a save failed and keeps the story', async () => {
    card('en');
    refuseNext = new Error('the handover belongs to another account');
    fireEvent.change(screen.getByLabelText('Success story (optional)'), { target: { value: 'A story' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save story' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the handover belongs to another account');
    expect(screen.getByLabelText('Success story (optional)')).toHaveValue('A story');
  });
});
