import { fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { ScheduleApi, ScheduledMessage } from '../scheduled';
import { formatDue, WelcomeSchedule } from './WelcomeSchedule';

vi.mock('../../../platform/panel/data-client', () => ({ teamScheduleVia: { scheduled: vi.fn(async () => Promise.reject(new Error('no team server'))) } }));

const NOW = new Date('2026-11-20T02:30:00.000Z');
const job: ScheduledMessage = {
  id: 'auto_1', rule: 'welcome', accountId: 'acct-1', channel: 'wecom', kind: 'wecom', subject: null,
  text: 'Hello Acme team, I’m Dana Lee, your Customer Success Manager from today.', to: [], dueAt: '2026-11-20T02:42:00.000Z',
  state: 'scheduled', note: null, deliveryId: null, deliveryState: null, createdAt: '2026-11-20T02:22:00.000Z', updatedAt: '2026-11-20T02:22:00.000Z',
};

function fakeApi(items: ScheduledMessage[], cancel?: () => Promise<ScheduledMessage>): ScheduleApi & { cancelled: string[] } {
  const cancelled: string[] = [];
  return {
    cancelled,
    scheduled: vi.fn(async () => items),
    cancelScheduled: vi.fn(async (id: string) => {
      cancelled.push(id);
      return cancel ? cancel() : { ...items[0]!, state: 'cancelled' as const, note: 'cancelled by Dana Lee' };
    }),
  };
}

const show = (api: ScheduleApi, locale: 'en' | 'zh-CN' = 'en') =>
  render(<I18nProvider locale={locale}><WelcomeSchedule accountId="acct-1" now={NOW} api={api} /></I18nProvider>);

describe('formatDue', () => {
  it('gives the time on the same day and the date with it on another, in the time zone', () => {
    expect(formatDue('2026-11-20T02:42:00.000Z', NOW, 'en', 'Asia/Shanghai')).toBe('10:42');
    expect(formatDue('2026-11-20T02:42:00.000Z', NOW, 'zh-CN', 'Asia/Shanghai')).toBe('10:42');
    expect(formatDue('2026-11-20T16:05:00.000Z', NOW, 'en', 'Asia/Shanghai')).toBe('Nov 21 00:05');
    expect(formatDue('2026-11-20T16:05:00.000Z', NOW, 'zh-CN', 'Asia/Shanghai')).toBe('11月21日 00:05');
  });
});

describe('WelcomeSchedule', () => {
  it('shows when and by which channel the welcome goes, previews it and cancels it', async () => {
    const api = fakeApi([job]);
    show(api);
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(`Welcome scheduled for ${formatDue(job.dueAt, NOW, 'en')} via wecom`);
    expect(status.textContent).toMatch(/for \d{2}:\d{2} via/);
    expect(screen.queryByRole('textbox', { name: 'The welcome the team server will send' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByRole('textbox', { name: 'The welcome the team server will send' })).toHaveValue(job.text);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/The automatic welcome was cancelled: it will not be sent/)).toBeInTheDocument();
    expect(api.cancelled).toEqual(['auto_1']);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('in Chinese, with the e-mail’s recipient and subject in the preview, and the server’s refusal when it is too late', async () => {
    const mail = { ...job, kind: 'email' as const, channel: 'mail', subject: 'Acme：您的客户成功经理向您问好', to: ['boss@acme.example'] };
    const api = fakeApi([mail], async () => Promise.reject(new Error('too late to cancel: the message was already handed over for sending')));
    show(api, 'zh-CN');
    expect(await screen.findByRole('status')).toHaveTextContent(`欢迎消息将于 ${formatDue(job.dueAt, NOW, 'zh-CN')} 通过 mail 发送`);
    fireEvent.click(screen.getByRole('button', { name: '预览' }));
    expect(screen.getByRole('textbox', { name: '团队服务器将发送的欢迎消息' })).toHaveValue(`收件人：boss@acme.example\n\n${mail.subject}\n\n${job.text}`);
    fireEvent.click(screen.getByRole('button', { name: '取消发送' }));
    expect(await screen.findByText('未能取消：too late to cancel: the message was already handed over for sending')).toBeInTheDocument();
  });

  it('says when the welcome was sent, and why it was not', async () => {
    const sent = show(fakeApi([{ ...job, state: 'queued', deliveryId: 'dlv_1', deliveryState: 'sent' }]));
    expect(await screen.findByRole('status')).toHaveTextContent(`Welcome sent automatically via wecom at ${formatDue(job.dueAt, NOW, 'en')}.`);
    sent.unmount();
    show(fakeApi([{ ...job, state: 'skipped', note: 'no e-mail address for the customer' }]), 'zh-CN');
    expect(await screen.findByText('团队服务器未自动发送欢迎消息：no e-mail address for the customer')).toBeInTheDocument();
  });

  it('shows nothing without a team server, or without a welcome', async () => {
    const { container } = render(<I18nProvider locale="en"><WelcomeSchedule accountId="acct-1" now={NOW} /></I18nProvider>);
    const none = fakeApi([{ ...job, rule: 'report-reminder' }]);
    const other = render(<I18nProvider locale="en"><WelcomeSchedule accountId="acct-1" now={NOW} api={none} /></I18nProvider>);
    await vi.waitFor(() => expect(none.scheduled).toHaveBeenCalledWith('acct-1'));
    await Promise.resolve();
    expect(container).toBeEmptyDOMElement();
    expect(other.container).toBeEmptyDOMElement();
  });
});
