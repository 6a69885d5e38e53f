import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { readEngineSettings, serviceSettingsItem } from '../../engine-settings';
import { ServiceSettingsEditor } from './ServiceSettingsEditor';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);
const editor = (locale: 'en' | 'zh-CN' = 'en') => render(<I18nProvider locale={locale}><ServiceSettingsEditor /></I18nProvider>);
const QUIET = 'A key person has gone quiet after (days without using the product)';

describe('the key person quiet threshold in the service settings editor', () => {
  it('shows 21 for settings stored before it existed, with its hint, and saves a new value', async () => {
    await serviceSettingsItem.setValue({ followUpDays: 10 } as never);
    editor();
    const field = await screen.findByLabelText(QUIET);
    await waitFor(() => expect(screen.getByLabelText('Follow-ups due by default after (days)')).toHaveValue('10'));
    expect(field).toHaveValue('21');
    expect(field).toHaveAccessibleDescription(/7 to 120 days; 21 by default/);

    fireEvent.change(field, { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Checklist saved.');
    expect((await readEngineSettings()).service).toMatchObject({ keyPersonQuietDays: 45, followUpDays: 10 });
  });

  it.each(['5', '200'])('refuses %s days with a message, saving nothing', async (days) => {
    await serviceSettingsItem.setValue({ keyPersonQuietDays: 30 } as never);
    editor();
    const field = await screen.findByLabelText(QUIET);
    await waitFor(() => expect(field).toHaveValue('30'));
    fireEvent.change(field, { target: { value: days } });
    fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A key person goes quiet after 7 to 120 days: enter a whole number in that range.');
    expect(await serviceSettingsItem.getValue()).toEqual({ keyPersonQuietDays: 30 });
  });

  it('words the field and its refusal in Chinese', async () => {
    editor('zh-CN');
    const field = await screen.findByLabelText('关键人连续几天未使用产品即视为沉寂（天）');
    fireEvent.change(field, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: '保存清单' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('关键人沉寂天数须为 7 到 120 之间的整数。');
    expect(await serviceSettingsItem.getValue()).toBeNull();
  });
});
