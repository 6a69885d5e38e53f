import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HealthModelEditor } from './HealthModelEditor';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { healthModelItem, readEngineSettings } from '../../engine-settings';
import { DEFAULT_HEALTH_MODEL, scoreHealth } from '..';

const inputs = { activeUserRate: 50, coreFeatureAdoption: 40, moduleBreadth: 35, tickets90d: 6, trainingRate: 30, nps: 10, outcomeAttainment: 75 };

describe('HealthModelEditor', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (msg: { type: string }) =>
      msg.type === 'engine/preview' ? { name: 'Acme Analytics', inputs } : undefined) as never);
  });

  it('previews the open account live, validates, saves and resets', async () => {
    render(<I18nProvider locale="en"><HealthModelEditor /></I18nProvider>);
    const preview = await screen.findByRole('region', { name: 'Preview' });
    await waitFor(() => expect(preview).toHaveTextContent('Acme Analytics'));
    const base = scoreHealth(inputs, DEFAULT_HEALTH_MODEL);
    expect(screen.getByTestId('model-preview')).toHaveTextContent(`${base.score!.toFixed(1)}`);

    // Raising the green cut-off above the score turns the preview yellow.
    fireEvent.change(screen.getByLabelText('Green from score'), { target: { value: '95' } });
    expect(screen.getByTestId('model-preview')).toHaveTextContent('yellow');

    // Red equal to green is refused with a reason, and Save is disabled.
    fireEvent.change(screen.getByLabelText('NPS: Green at'), { target: { value: '-30' } });
    expect(screen.getByRole('alert')).toHaveTextContent('nps: the red and green values must differ');
    expect(screen.getByRole('button', { name: 'Save model' })).toBeDisabled();
    fireEvent.change(screen.getByLabelText('NPS: Green at'), { target: { value: '50' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save model' }));
    await screen.findByText('Saved. Scores and touchpoints use the new model now.');
    expect((await readEngineSettings()).model.bands.green).toBe(95);

    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    await screen.findByText('Back to the documented defaults.');
    expect(await healthModelItem.getValue()).toBeNull();
    expect((await readEngineSettings()).model).toEqual(DEFAULT_HEALTH_MODEL);
  });

  it('edits the likelihood points and the renewal plan template beside the model, refusing bad values with a reason', { timeout: 15_000 }, async () => {
    render(<I18nProvider locale="en"><HealthModelEditor /></I18nProvider>);
    await screen.findByRole('region', { name: 'Preview' });
    expect(screen.queryByLabelText('Each promise at risk')).toBeNull(); // folded until opened
    const rules = screen.getByText('Renewal likelihood points and the 90-day plan').closest('details')!;
    rules.open = true;
    fireEvent(rules, new Event('toggle'));
    fireEvent.change(await screen.findByLabelText('Each promise at risk'), { target: { value: '-8' } });
    fireEvent.change(screen.getByLabelText('"Medium" from'), { target: { value: '80' } });
    expect(screen.getByRole('alert')).toHaveTextContent('the "medium" cut-off must be below the "high" one');
    expect(screen.getByRole('button', { name: 'Save model' })).toBeDisabled();
    fireEvent.change(screen.getByLabelText('"Medium" from'), { target: { value: '45' } });

    fireEvent.change(screen.getByLabelText('Complete the paperwork: Days before the end'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('New step title'), { target: { value: 'Dinner with the boss' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a step' }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[1]!); // review_promises

    fireEvent.click(screen.getByRole('button', { name: 'Save model' }));
    await screen.findByText('Saved. Scores and touchpoints use the new model now.');
    const { renewal } = await readEngineSettings();
    expect([renewal.likelihood.promiseAtRisk, renewal.likelihood.medium]).toEqual([-8, 45]);
    expect(renewal.plan.map((s) => [s.id, s.offset])).toEqual([
      ['review_health', 90], ['value_review_with_boss', 60], ['success_story', 45], ['offer_value', 30], ['renewal_proposal', 30],
      ['confirm_decision', 15], ['paperwork', 10], ['dinner-with-the-boss', 30],
    ]);
    expect(renewal.plan.at(-1)).toMatchObject({ title: 'Dinner with the boss', priority: 'medium', customer: false });
  });
});
