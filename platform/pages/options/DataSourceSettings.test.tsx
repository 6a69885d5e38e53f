import { fireEvent, render, screen } from '@testing-library/react';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataSourceSettings } from './DataSourceSettings';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { readDataSource } from '../../../data/sync/settings';
import type { Locale } from '../../../shared/i18n';
import { zhCN } from '../../../shared/i18n/catalog';

const show = (locale: Locale = 'en') => render(<I18nProvider locale={locale}><DataSourceSettings /></I18nProvider>);

describe('DataSourceSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
  });

  it('asks for access to the server origin at the click and stores the source', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    show();
    fireEvent.click(screen.getByLabelText('Team server'));
    fireEvent.change(screen.getByLabelText('Server address'), { target: { value: 'https://lens.example.com/' } });
    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: 'tok_123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save data source' }));
    expect(await screen.findByText('Saved: Account Lens syncs with the team server.')).toBeInTheDocument();
    expect(request).toHaveBeenCalledWith({ origins: ['https://lens.example.com/*'] });
    expect(await readDataSource()).toEqual({ mode: 'api', baseUrl: 'https://lens.example.com', token: 'tok_123', maxAgeMinutes: 15 });
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'source/changed' });
  });

  it('says what is wrong, in Chinese too, and stores nothing', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    show('zh-CN');
    fireEvent.click(screen.getByLabelText('团队服务器'));
    fireEvent.change(screen.getByLabelText('服务器地址'), { target: { value: 'http://lens.example.com' } });
    fireEvent.change(screen.getByLabelText('访问令牌'), { target: { value: 'has spaces' } });
    fireEvent.click(screen.getByRole('button', { name: '保存数据来源' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(zhCN['sync.settings.baseUrlInvalid']);
    expect(alert).toHaveTextContent(zhCN['sync.settings.tokenInvalid']);
    expect(request).not.toHaveBeenCalled();
    expect(await readDataSource()).toEqual({ mode: 'local' });
  });

  it('still saves when access is refused, and explains what that means', async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    show();
    fireEvent.click(screen.getByLabelText('Team server'));
    fireEvent.change(screen.getByLabelText('Server address'), { target: { value: 'http://localhost:8787' } });
    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: 'tok' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save data source' }));
    expect(await screen.findByText(/Access to localhost:8787 was not granted/)).toHaveAttribute('role', 'status');
    expect((await readDataSource()).mode).toBe('api');
  });
});
