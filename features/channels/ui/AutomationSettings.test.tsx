import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { AutomationApi, AutomationRuleView, AutomationView, RuleSettingsInput } from '../automation';
import { ChannelsError } from '../client';
import type { AutomationRuleName } from '../scheduled';
import { NO_TEAM_SERVER } from '../schemas';
import { AutomationSettings } from './AutomationSettings';
import { UnsavedBar, UnsavedProvider } from '../../../shared/ui/Unsaved';

vi.mock('../../../platform/panel/automation-client', () => ({ teamAutomationVia: { automation: vi.fn(async () => Promise.reject(new Error('no team server'))) } }));

const T = '2026-11-20T02:00:00.000Z';
const welcome: AutomationRuleView = {
  rule: 'welcome', enabled: false, channel: 'wecom', delayMinutes: 20, reminderHour: 9, language: 'zh-CN', timeZone: 'Asia/Shanghai', enabledAt: null, updatedAt: T,
};
const channels = [{ name: 'wecom', kind: 'wecom' as const }, { name: 'mail', kind: 'email' as const }];

function fakeApi(view: Partial<AutomationView>, answer?: (rule: AutomationRuleName, s: RuleSettingsInput) => Promise<AutomationRuleView>) {
  const sent: [AutomationRuleName, RuleSettingsInput][] = [];
  const api: AutomationApi = {
    automation: vi.fn(async () => ({ rules: [welcome], channels, role: 'manager' as const, ...view })),
    setRule: vi.fn(async (rule: AutomationRuleName, s: RuleSettingsInput) => {
      sent.push([rule, s]);
      if (answer) return answer(rule, s);
      return {
        ...welcome, rule, enabled: s.enabled, channel: s.channel, delayMinutes: s.delayMinutes ?? 20, reminderHour: s.reminderHour ?? 9,
        language: s.language ?? 'en', timeZone: s.timeZone ?? 'UTC', enabledAt: T,
      };
    }),
  };
  return { api, sent };
}

const show = (api: AutomationApi, locale: 'en' | 'zh-CN' = 'en', browserLanguage = 'en-US') =>
  render(<I18nProvider locale={locale}><AutomationSettings api={api} timeZone="Europe/Berlin" browserLanguage={browserLanguage} /></I18nProvider>);

describe('AutomationSettings', () => {
  it('names a rule edited but not sent in the saving bar, and Save all sends it', async () => {
    const { api, sent } = fakeApi({});
    render(<I18nProvider locale="en"><UnsavedProvider><AutomationSettings api={api} timeZone="Europe/Berlin" /><UnsavedBar /></UnsavedProvider></I18nProvider>);
    const form = within(await screen.findByRole('form', { name: 'Welcome' }));
    expect(screen.queryByRole('region', { name: 'Unsaved changes' })).toBeNull();
    fireEvent.click(form.getByRole('checkbox', { name: 'On' }));
    const bar = await screen.findByRole('region', { name: 'Unsaved changes' });
    expect(within(bar).getByRole('link', { name: 'Welcome' })).toHaveAttribute('href', '#automation-welcome-title');
    expect(bar).not.toHaveTextContent('Report reminder');
    fireEvent.click(within(bar).getByRole('button', { name: 'Save all' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Unsaved changes' })).toBeNull());
    expect(sent).toEqual([['welcome', expect.objectContaining({ enabled: true, channel: 'wecom' })]]);
  });


  it('lets a manager turn the welcome on with a channel and a delay, and the reminder on at an hour', async () => {
    const { api, sent } = fakeApi({});
    show(api);
    const form = within(await screen.findByRole('form', { name: 'Welcome' }));
    expect(form.getByLabelText('Channel')).toHaveValue('wecom');
    fireEvent.click(form.getByRole('checkbox', { name: 'On' }));
    fireEvent.change(form.getByLabelText('Minutes after the handover is accepted (0 to 30)'), { target: { value: '10' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByRole('status')).toHaveTextContent('Saved. On: 10 minutes after acceptance, via wecom. Messages in 中文, time zone Asia/Shanghai.');
    // The stored language and time zone go back as they were.
    expect(sent[0]).toEqual(['welcome', { enabled: true, channel: 'wecom', delayMinutes: 10, reminderHour: 9, language: 'zh-CN', timeZone: 'Asia/Shanghai' }]);

    // A rule never set: the manager's own time zone, and an e-mail channel asks whom to remind.
    const reminder = within(screen.getByRole('form', { name: 'Report reminder' }));
    expect(reminder.getByLabelText('Hour of the day (Europe/Berlin)')).toHaveValue('9');
    fireEvent.click(reminder.getByRole('checkbox', { name: 'On' }));
    fireEvent.change(reminder.getByLabelText('Hour of the day (Europe/Berlin)'), { target: { value: '8' } });
    fireEvent.change(reminder.getByLabelText('Channel'), { target: { value: 'mail' } });
    fireEvent.click(reminder.getByRole('button', { name: 'Save' }));
    expect(await reminder.findByRole('alert')).toHaveTextContent('An e-mail channel needs at least one address to remind.');
    expect(sent).toHaveLength(1);
    fireEvent.change(reminder.getByLabelText('Remind at (e-mail addresses, separated by commas)'), { target: { value: 'dana@example.com, lin@example.com' } });
    fireEvent.click(reminder.getByRole('button', { name: 'Save' }));
    expect(await reminder.findByRole('status')).toHaveTextContent('Saved. On: service days from 08:00, via mail. Messages in English, time zone Europe/Berlin.');
    expect(sent[1]).toEqual(['report-reminder', { enabled: true, channel: 'mail', delayMinutes: 20, reminderHour: 8, to: ['dana@example.com', 'lin@example.com'], language: 'en', timeZone: 'Europe/Berlin' }]);

    // Switched to a robot, the addresses the form no longer shows are not sent with it.
    fireEvent.change(reminder.getByLabelText('Channel'), { target: { value: 'wecom' } });
    expect(reminder.queryByLabelText('Remind at (e-mail addresses, separated by commas)')).toBeNull();
    fireEvent.click(reminder.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[2]).toEqual(['report-reminder', { enabled: true, channel: 'wecom', delayMinutes: 20, reminderHour: 8, language: 'en', timeZone: 'Europe/Berlin' }]);
  });

  it('refuses a delay over 30 minutes before asking the server, and keeps what was typed', async () => {
    const { api, sent } = fakeApi({});
    show(api);
    const form = within(await screen.findByRole('form', { name: 'Welcome' }));
    const delay = form.getByLabelText('Minutes after the handover is accepted (0 to 30)');
    fireEvent.change(delay, { target: { value: '45' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByRole('alert')).toHaveTextContent('Enter whole minutes from 0 to 30.');
    expect(delay).toHaveValue('45');
    expect(sent).toEqual([]);
  });

  it('in Chinese, says why the server refused (409, 422, offline) and loses nothing typed', async () => {
    const refusals = [
      new ChannelsError('conflict', 'the rule was changed by Mia Chen', 409),
      new ChannelsError('rejected', 'reminderHour: must be an hour from 0 to 23', 422),
      new ChannelsError('offline', 'Could not reach the team server.'),
    ];
    const { api } = fakeApi({}, async () => Promise.reject(refusals.shift()!));
    show(api, 'zh-CN');
    const form = within(await screen.findByRole('form', { name: '报告提醒' }));
    expect(screen.getByRole('heading', { name: '自动化' })).toBeInTheDocument();
    fireEvent.click(form.getByRole('checkbox', { name: '开启' }));
    fireEvent.change(form.getByLabelText('渠道'), { target: { value: 'wecom' } });
    fireEvent.change(form.getByLabelText('每天的发送时间（Europe/Berlin）'), { target: { value: '7' } });
    fireEvent.click(form.getByRole('button', { name: '保存' }));
    expect(await form.findByText('未保存：规则已被他人修改，团队服务器拒绝了本次修改（the rule was changed by Mia Chen）。您填写的内容仍在此处，请刷新查看当前规则。')).toBeInTheDocument();
    fireEvent.click(form.getByRole('button', { name: '保存' }));
    expect(await form.findByText('未保存：团队服务器不接受这些设置（reminderHour: must be an hour from 0 to 23）。您填写的内容仍在此处。')).toBeInTheDocument();
    fireEvent.click(form.getByRole('button', { name: '保存' }));
    expect(await form.findByText('未保存：无法连接团队服务器。您填写的内容仍在此处，请再次点击保存。')).toBeInTheDocument();
    expect(form.getByLabelText('每天的发送时间（Europe/Berlin）')).toHaveValue('7');
    expect(form.getByLabelText('渠道')).toHaveValue('wecom');
    expect(form.getByRole('checkbox', { name: '开启' })).toBeChecked();
  });

  it('in English, names a 409 and an offline server plainly', async () => {
    const refusals = [new ChannelsError('conflict', 'changed meanwhile', 409), new ChannelsError('timeout', 'The team server did not answer in time.')];
    const { api } = fakeApi({}, async () => Promise.reject(refusals.shift()!));
    show(api);
    const form = within(await screen.findByRole('form', { name: 'Welcome' }));
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByRole('alert')).toHaveTextContent('Not saved: the team server refused because the rule changed meanwhile (changed meanwhile).');
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByText(/Not saved: the team server could not be reached\. Your changes are still here/)).toBeInTheDocument();
  });

  it('shows the rules read-only to someone who is not a manager, in both languages', async () => {
    const on = { ...welcome, enabled: true, delayMinutes: 15 };
    const en = show(fakeApi({ role: 'csm', rules: [on] }).api);
    expect(await screen.findByText('Only a manager can change these rules. Ask your team’s manager to turn an automation on or off.')).toBeInTheDocument();
    const form = within(screen.getByRole('form', { name: 'Welcome' }));
    expect(form.getByLabelText('Minutes after the handover is accepted (0 to 30)')).toHaveValue('15');
    expect(form.getByLabelText('Minutes after the handover is accepted (0 to 30)')).toBeDisabled();
    expect(form.getByRole('checkbox', { name: 'On' })).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    en.unmount();
    show(fakeApi({ role: 'sales', rules: [on] }).api, 'zh-CN');
    expect(await screen.findByText('只有管理员可以修改这些规则。如需开启或关闭自动化，请联系团队管理员。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存' })).toBeNull();
  });

  it('says when no team server is connected, and when it cannot be reached (with a retry)', async () => {
    const none: AutomationApi = { automation: vi.fn(async () => Promise.reject(new Error(NO_TEAM_SERVER))), setRule: vi.fn() };
    const first = render(<I18nProvider locale="en"><AutomationSettings /></I18nProvider>);
    expect(await screen.findByText(/Automation runs on the team server\. Connect one under Data source/)).toBeInTheDocument();
    first.unmount();
    const zh = show(none, 'zh-CN');
    expect(await screen.findByText('自动化在团队服务器上运行。请先在“数据来源”中连接团队服务器，才能查看和设置规则。')).toBeInTheDocument();
    zh.unmount();
    let calls = 0;
    const flaky: AutomationApi = {
      automation: vi.fn(async () => (calls++ === 0 ? Promise.reject(new ChannelsError('offline', 'Could not reach the team server.')) : { rules: [], channels, role: 'manager' as const })),
      setRule: vi.fn(),
    };
    show(flaky);
    expect(await screen.findByRole('alert')).toHaveTextContent('The team server could not be reached (Could not reach the team server.). Check the connection and try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('form', { name: 'Welcome' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
