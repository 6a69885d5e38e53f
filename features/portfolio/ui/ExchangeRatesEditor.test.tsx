import { fireEvent, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { ExchangeRatesEditor } from './ExchangeRatesEditor';
import { exchangeRatesItem } from '../rates';

beforeEach(() => fakeBrowser.reset());

describe('ExchangeRatesEditor', () => {
  it('refuses a text with a bad line whole, keeps it to fix, then saves the corrected rates', async () => {
    render(<I18nProvider locale="en"><ExchangeRatesEditor /></I18nProvider>);
    const lines = screen.getByLabelText(/One rate per line/);
    fireEvent.change(lines, { target: { value: 'CNY 0.14\nEUR one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rates' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Line 2: write the code and one positive number');
    expect(lines).toHaveValue('CNY 0.14\nEUR one');
    expect(await exchangeRatesItem.getValue()).toBeNull();
    fireEvent.change(lines, { target: { value: 'CNY 0.14\nEUR 1.08' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rates' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved 2 rate(s).');
    expect(await exchangeRatesItem.getValue()).toEqual({ base: 'USD', rates: { CNY: 0.14, EUR: 1.08 } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove rates' }));
    expect(await screen.findByText('Rates removed: figures stay per currency.')).toBeInTheDocument();
    expect(await exchangeRatesItem.getValue()).toBeNull();
  });
});
