import { fireEvent, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { playsItem } from '../../plays-item';
import { PlaysEditor } from './PlaysEditor';

beforeEach(() => fakeBrowser.reset());
const editor = (locale: 'en' | 'zh-CN' = 'en') => render(<I18nProvider locale={locale}><PlaysEditor /></I18nProvider>);

describe('the plays editor (options)', () => {
  it('says which stored plays could not be read, shows their defaults, and keeps the good ones', async () => {
    await playsItem.setValue({ churn_recovery: 'not a list', service_followup: ['Reply within a day'] } as never);
    editor();
    expect(await screen.findByRole('alert')).toHaveTextContent('Saved plays for “Churn recovery” could not be read: their defaults are shown.');
    expect((screen.getByLabelText('Churn recovery') as HTMLTextAreaElement).value.split('\n')[0]).toBe('Record the reason as both the symptom and the root cause');
    expect(screen.getByLabelText(/^Visit follow-up/)).toHaveValue('Reply within a day');
  });

  it('stores only the plays the team rewrote, and refuses an empty one with a message, saving nothing', async () => {
    editor();
    const box = await screen.findByLabelText('Expectation reset');
    fireEvent.change(box, { target: { value: 'Meet the boss this week\n\nRestate the goal, same destination' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plays' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Plays saved.');
    expect(await playsItem.getValue()).toEqual({ expectation_reset: ['Meet the boss this week', 'Restate the goal, same destination'] });

    fireEvent.change(screen.getByLabelText(/^Long-term value review/), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plays' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: Long-term value review: write at least one step');
    expect(await playsItem.getValue()).toEqual({ expectation_reset: ['Meet the boss this week', 'Restate the goal, same destination'] });

    // Back to the default: nothing is stored for that kind, so it follows the user's language again.
    fireEvent.click(screen.getAllByRole('button', { name: 'Back to the default' })[0]!);
    fireEvent.click(screen.getAllByRole('button', { name: 'Back to the default' })[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Save plays' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Plays saved.');
    expect(await playsItem.getValue()).toBeNull();
  });
});
