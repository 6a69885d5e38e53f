import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { AutomationApi, AutomationRuleView, RuleSettingsInput } from '../automation';
import type { AutomationRuleName } from '../scheduled';
import { AutomationSettings } from './AutomationSettings';

vi.mock('../../../platform/panel/automation-client', () => ({ teamAutomationVia: { automation: vi.fn(async () => Promise.reject(new Error('no team server'))) } }));

const T = '2026-11-20T02:00:00.000Z';
const reminder: AutomationRuleView = {
  rule: 'report-reminder', enabled: true, channel: 'wecom', delayMinutes: 20, reminderHour: 8, language: 'zh-CN', timeZone: 'Asia/Shanghai', enabledAt: T, updatedAt: T,
};
const channels = [{ name: 'wecom', kind: 'wecom' as const }, { name: 'mail', kind: 'email' as const }];

function fakeApi(rules: AutomationRuleView[]) {
  const sent: [AutomationRuleName, RuleSettingsInput][] = [];
  const api: AutomationApi = {
    automation: vi.fn(async () => ({ rules, channels, role: 'manager' as const })),
    setRule: vi.fn(async (rule: AutomationRuleName, s: RuleSettingsInput) => {
      sent.push([rule, s]);
      // The server answers with what it stored: the language and zone it was sent.
      return { ...reminder, ...s, rule, delayMinutes: s.delayMinutes ?? 20, reminderHour: s.reminderHour ?? 9, language: s.language ?? 'en', timeZone: s.timeZone ?? 'UTC' };
    }),
  };
  return { api, sent };
}

const show = (api: AutomationApi, locale: 'en' | 'zh-CN', browserLanguage: string) =>
  render(<I18nProvider locale={locale}><AutomationSettings api={api} timeZone="Europe/Berlin" browserLanguage={browserLanguage} /></I18nProvider>);

describe('a rule’s language and time zone on the options page', () => {
  it('shows the stored language and zone, and for a rule never set the browser’s language and zone', async () => {
    show(fakeApi([reminder]).api, 'en', 'zh-TW');
    const stored = within(await screen.findByRole('form', { name: 'Report reminder' }));
    expect(stored.getByLabelText('Language of the messages')).toHaveValue('zh-CN');
    expect(stored.getByLabelText('Time zone (IANA name, such as Asia/Shanghai)')).toHaveValue('Asia/Shanghai');
    expect(stored.getByLabelText('Hour of the day (Asia/Shanghai)')).toHaveValue('8');
    const fresh = within(screen.getByRole('form', { name: 'Welcome' }));
    // zh-TW is Chinese: the rule's language is zh-CN.
    expect(fresh.getByLabelText('Language of the messages')).toHaveValue('zh-CN');
    expect(fresh.getByLabelText('Time zone (IANA name, such as Asia/Shanghai)')).toHaveValue('Europe/Berlin');
    expect(fresh.getByRole('option', { name: 'English' })).toBeInTheDocument();
    expect(fresh.getByRole('option', { name: '中文' })).toBeInTheDocument();
  });

  it('maps any other browser language to English and suggests the browser’s zones', async () => {
    const { container } = show(fakeApi([]).api, 'en', 'de-DE');
    const form = within(await screen.findByRole('form', { name: 'Welcome' }));
    expect(form.getByLabelText('Language of the messages')).toHaveValue('en');
    const zone = form.getByLabelText('Time zone (IANA name, such as Asia/Shanghai)');
    const list = container.querySelector(`datalist#${zone.getAttribute('list')}`);
    const values = [...(list?.querySelectorAll('option') ?? [])].map((o) => o.getAttribute('value'));
    expect(values).toEqual(expect.arrayContaining(['UTC', 'Asia/Shanghai', 'America/New_York']));
  });

  it('sends the language and zone chosen, in the spelling the browser knows, and names them after saving', async () => {
    const { api, sent } = fakeApi([reminder]);
    show(api, 'en', 'en-US');
    const form = within(await screen.findByRole('form', { name: 'Report reminder' }));
    fireEvent.change(form.getByLabelText('Language of the messages'), { target: { value: 'en' } });
    fireEvent.change(form.getByLabelText('Time zone (IANA name, such as Asia/Shanghai)'), { target: { value: ' america/new_york ' } });
    expect(form.getByLabelText('Hour of the day (America/New_York)')).toHaveValue('8');
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByRole('status')).toHaveTextContent('Saved. On: service days from 08:00, via wecom. Messages in English, time zone America/New_York.');
    expect(sent).toEqual([['report-reminder', { enabled: true, channel: 'wecom', delayMinutes: 20, reminderHour: 8, language: 'en', timeZone: 'America/New_York' }]]);
  });

  it('in Chinese, names the language and zone after saving', async () => {
    const { api, sent } = fakeApi([]);
    show(api, 'zh-CN', 'zh-CN');
    const form = within(await screen.findByRole('form', { name: '欢迎消息' }));
    fireEvent.change(form.getByLabelText('渠道'), { target: { value: 'wecom' } });
    fireEvent.change(form.getByLabelText('时区（IANA 名称，例如 Asia/Shanghai）'), { target: { value: 'Asia/Shanghai' } });
    fireEvent.click(form.getByRole('button', { name: '保存' }));
    expect(await form.findByRole('status')).toHaveTextContent('已保存。已关闭。消息语言：中文，时区：Asia/Shanghai。');
    expect(sent[0]?.[1]).toMatchObject({ language: 'zh-CN', timeZone: 'Asia/Shanghai' });
  });

  it('refuses an unknown or empty zone before asking the server, in both languages, and keeps what was typed', async () => {
    const { api, sent } = fakeApi([reminder]);
    const en = show(api, 'en', 'en-US');
    const form = within(await screen.findByRole('form', { name: 'Report reminder' }));
    const zone = form.getByLabelText('Time zone (IANA name, such as Asia/Shanghai)');
    fireEvent.change(zone, { target: { value: 'Mars/Olympus' } });
    // The hour stays in the last zone that is one.
    expect(form.getByLabelText('Hour of the day (Asia/Shanghai)')).toBeInTheDocument();
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByRole('alert')).toHaveTextContent('“Mars/Olympus” is not a time zone this browser knows. Enter an IANA name such as Asia/Shanghai or Europe/Berlin');
    expect(zone).toHaveValue('Mars/Olympus');
    fireEvent.change(zone, { target: { value: '  ' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByText('Enter the team’s time zone, such as Asia/Shanghai.')).toBeInTheDocument();
    en.unmount();
    show(api, 'zh-CN', 'zh-CN');
    const zh = within(await screen.findByRole('form', { name: '报告提醒' }));
    fireEvent.change(zh.getByLabelText('时区（IANA 名称，例如 Asia/Shanghai）'), { target: { value: 'Asia/Beijing' } });
    fireEvent.click(zh.getByRole('button', { name: '保存' }));
    expect(await zh.findByRole('alert')).toHaveTextContent('“Asia/Beijing”不是本浏览器可识别的时区。请填写 IANA 时区名称');
    expect(sent).toEqual([]);
  });

  it('asks for recipients only for the report reminder by an e-mail channel', async () => {
    show(fakeApi([reminder]).api, 'en', 'en-US');
    const to = 'Remind at (e-mail addresses, separated by commas)';
    const welcome = within(await screen.findByRole('form', { name: 'Welcome' }));
    fireEvent.change(welcome.getByLabelText('Channel'), { target: { value: 'mail' } });
    expect(welcome.queryByLabelText(to)).toBeNull();
    const remind = within(screen.getByRole('form', { name: 'Report reminder' }));
    expect(remind.queryByLabelText(to)).toBeNull();
    fireEvent.change(remind.getByLabelText('Channel'), { target: { value: 'mail' } });
    expect(remind.getByLabelText(to)).toBeInTheDocument();
  });
});
