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

describe('the deal value thresholds per currency', () => {
  const row = (n: number) => ({ currency: screen.getByLabelText(`Currency ${n} (ISO code, e.g. EUR)`), amount: screen.getByLabelText(`Threshold ${n}`) });
  it('reads an old single number as the USD threshold, beside the other defaults, and saves the table with USD kept as the single number', async () => {
    await serviceSettingsItem.setValue({ involvement: { maxValue: 20_000, maxCycleDays: 45, maxImplementationWeeks: 3 } } as never);
    editor();
    await waitFor(() => expect(row(1).amount).toHaveValue('20000'));
    expect(row(1).currency).toHaveValue('USD');
    expect(screen.getAllByLabelText(/^Currency \d/).map((i) => (i as HTMLInputElement).value)).toEqual(['USD', 'CNY', 'EUR', 'GBP', 'JPY']);
    expect(screen.getByTestId('value-limits')).toHaveAccessibleDescription(/compared with the USD threshold/);

    fireEvent.click(screen.getByRole('button', { name: 'Add a currency' }));
    fireEvent.change(row(6).currency, { target: { value: 'chf' } });
    fireEvent.change(row(6).amount, { target: { value: '14,000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove threshold 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Checklist saved.');
    expect((await readEngineSettings()).service.involvement).toEqual({
      maxValue: 20_000, valueLimits: { USD: 20_000, EUR: 15_000, GBP: 12_000, JPY: 2_000_000, CHF: 14_000 }, maxCycleDays: 45, maxImplementationWeeks: 3,
    });
  });

  it('refuses a code that is no currency and an amount that is not positive, by row, saving nothing', async () => {
    editor();
    await waitFor(() => expect(row(1).amount).toHaveValue('15000'));
    fireEvent.change(row(2).currency, { target: { value: 'RMB' } });
    fireEvent.change(row(3).amount, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Fix the value thresholds');
    expect(screen.getByTestId('value-limit-error-1')).toHaveTextContent('Not an ISO 4217 currency code');
    expect(screen.getByTestId('value-limit-error-2')).toHaveTextContent('Enter a positive number.');
    expect(row(2).currency).toHaveAttribute('aria-invalid', 'true');
    expect(await serviceSettingsItem.getValue()).toBeNull();
  });

  it('keeps a USD row, in Chinese', async () => {
    editor('zh-CN');
    await waitFor(() => expect(screen.getByLabelText('门槛 1')).toHaveValue('15000'));
    fireEvent.click(screen.getByRole('button', { name: '删除门槛 1' }));
    fireEvent.click(screen.getByRole('button', { name: '保存清单' }));
    expect(await screen.findByTestId('value-limit-missing-usd')).toHaveTextContent('请保留美元（USD）门槛');
    expect(await serviceSettingsItem.getValue()).toBeNull();
  });
});
