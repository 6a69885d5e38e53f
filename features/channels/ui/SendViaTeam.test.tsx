import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { ChannelsApi } from '../client';
import type { Delivery, DeliveryRequest } from '../schemas';
import { SendViaTeam } from './SendViaTeam';

const T = '2026-11-20T09:30:00.000Z';

/** A team server in memory: what was asked for, and deliveries whose state the test moves on. */
function fakeApi(channels = [{ name: 'wecom', kind: 'wecom' as const }, { name: 'email', kind: 'email' as const }]) {
  const sent: { request: DeliveryRequest; key: string }[] = [];
  const deliveries: Delivery[] = [];
  const api: ChannelsApi = {
    channels: vi.fn(async () => channels),
    deliveries: vi.fn(async () => deliveries.map((d) => ({ ...d }))),
    deliver: vi.fn(async (request: DeliveryRequest, key: string) => {
      sent.push({ request, key });
      const d: Delivery = {
        id: `dlv_${sent.length}`, channel: request.channel, kind: channels.find((c) => c.name === request.channel)!.kind, accountId: request.accountId,
        subject: request.subject ?? null, text: request.text, to: request.to ?? [], state: 'queued', attempts: 0, lastError: null, nextAttemptAt: T,
        createdBy: 'Dana Lee', createdAt: T, updatedAt: T, sentAt: null,
      };
      deliveries.unshift(d);
      return d;
    }),
  };
  return { api, sent, deliveries };
}

describe('Send via the team server', () => {
  it('lists the team’s channels, sends to a robot and follows the delivery until it is sent', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { api, sent, deliveries } = fakeApi();
      render(<I18nProvider locale="en"><SendViaTeam accountId="acct-1" subject="Renewal" text="Kick-off on Monday" api={api} /></I18nProvider>);
      const select = await screen.findByRole('combobox', { name: 'Channel' });
      expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual(['WeCom group', 'e-mail']);
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
      expect(await screen.findByRole('status')).toHaveTextContent('Queued');
      expect(sent).toEqual([{ request: { channel: 'wecom', accountId: 'acct-1', subject: 'Renewal', text: 'Kick-off on Monday' }, key: expect.any(String) }]);
      expect(screen.getByRole('list', { name: 'Sent from this account' })).toHaveTextContent('wecom · queued');
      deliveries[0] = { ...deliveries[0]!, state: 'sent', attempts: 1, sentAt: T, nextAttemptAt: null };
      await act(async () => void (await vi.advanceTimersByTimeAsync(5_000)));
      expect(screen.getByRole('list', { name: 'Sent from this account' })).toHaveTextContent('wecom · sent · attempt 1');
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks for addresses and a subject before an e-mail, and shows the server’s refusal in Chinese', async () => {
    const { api, sent } = fakeApi();
    vi.mocked(api.deliver).mockRejectedValueOnce(new Error('to.0: must be an e-mail address like name@example.com'));
    render(<I18nProvider locale="zh-CN"><SendViaTeam accountId="acct-1" text="本月服务报告" api={api} /></I18nProvider>);
    fireEvent.change(await screen.findByRole('combobox', { name: '渠道' }), { target: { value: 'email' } });
    fireEvent.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请至少填写一个邮件地址。');
    fireEvent.change(screen.getByRole('textbox', { name: '收件人（邮件地址，用逗号分隔）' }), { target: { value: 'wang@example.cn， ops@example.cn' } });
    fireEvent.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写邮件主题。');
    fireEvent.change(screen.getByRole('textbox', { name: '主题' }), { target: { value: '11 月服务报告' } });
    fireEvent.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('未发送：to.0: must be an e-mail address');
    fireEvent.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已排队');
    // The retried click carries the same key: a lost answer does not queue the e-mail twice.
    const keys = vi.mocked(api.deliver).mock.calls.map((c) => c[1]);
    expect(keys[0]).toBe(keys[1]);
    expect(sent).toEqual([{ request: { channel: 'email', accountId: 'acct-1', subject: '11 月服务报告', text: '本月服务报告', to: ['wang@example.cn', 'ops@example.cn'] }, key: keys[1] }]);
  });

  it('says so when the team has no channel', async () => {
    const { api } = fakeApi([]);
    render(<I18nProvider locale="en"><SendViaTeam accountId="acct-1" text="x" api={api} /></I18nProvider>);
    expect(await screen.findByText(/has not set up a channel yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
  });
});
