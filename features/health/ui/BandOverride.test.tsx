import { fireEvent, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import type { ServicePlan } from '../../../data/model/records';
import { settingsItem } from '../../../shared/settings';
import { BandOverride } from './BandOverride';

const puts: { kind: string; at: { id: string }; fields: Record<string, unknown>; opts?: unknown }[] = [];
vi.mock('../../../platform/panel/data-client', () => ({
  putRecordVia: vi.fn(async (kind: string, at: { id: string }, fields: Record<string, unknown>, opts?: unknown) => void puts.push({ kind, at, fields, ...(opts ? { opts } : {}) })),
}));
beforeEach(() => {
  fakeBrowser.reset();
  puts.length = 0;
});

const NOW = new Date(2026, 11, 1, 10);
const stamp = '2026-11-01T00:00:00.000Z';
const plan: ServicePlan = { id: 'plan:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, serviceDay: { kind: 'nth_weekday', n: -1, weekday: 5 }, language: 'en', version: 3 };
const show = (locale: Locale, props: Partial<Parameters<typeof BandOverride>[0]> = {}) =>
  render(<I18nProvider locale={locale}><BandOverride accountId="a1" plan={plan} override={undefined} computedBand="green" now={NOW} {...props} /></I18nProvider>);

describe('setting the band by hand', () => {
  it('needs a reason, then stores it on the plan with the person’s name and a last day', async () => {
    await settingsItem.setValue({ locale: 'auto', myName: 'Priya' });
    show('en');
    fireEvent.click(screen.getByRole('button', { name: 'Set the band by hand' }));
    fireEvent.click(screen.getByRole('button', { name: 'Set the band' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Say why');
    expect(puts).toEqual([]);
    fireEvent.change(screen.getByLabelText('Why (shown with the band)'), { target: { value: 'Champion resigned' } });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '2026-12-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the band' }));
    await vi.waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({ kind: 'plans', at: plan, fields: { bandOverride: { band: 'red', reason: 'Champion resigned', until: '2026-12-20', setOn: '2026-12-01', by: 'Priya' } } });
  });

  it('an account without a plan gets the default one with the override', async () => {
    show('zh-CN', { plan: undefined });
    fireEvent.click(screen.getByRole('button', { name: '手动设定健康等级' }));
    fireEvent.change(screen.getByLabelText('原因（与等级一同显示）'), { target: { value: '老板已确认续约' } });
    fireEvent.change(screen.getByLabelText('等级'), { target: { value: 'green' } });
    fireEvent.change(screen.getByLabelText('有效至'), { target: { value: '2027-06-01' } });
    fireEvent.click(screen.getByRole('button', { name: '设定等级' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('手动设定最长 90 天');
    fireEvent.change(screen.getByLabelText('有效至'), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: '设定等级' }));
    await vi.waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toMatchObject({ at: { id: 'plan:a1', accountId: 'a1' }, fields: { serviceDay: { kind: 'nth_weekday' }, language: 'zh-CN', bandOverride: { band: 'green', until: '2026-12-31' } } });
  });

  it('an override in force is shown as one, beside the computed band, and can be removed', async () => {
    const override = { band: 'red' as const, reason: 'Champion resigned', until: '2026-12-20', setOn: '2026-11-28', by: 'Priya' };
    show('en', { override });
    const note = screen.getByTestId('band-override');
    expect(note).toHaveTextContent('Set by hand by Priya until Dec 20, 2026.');
    expect(note).toHaveTextContent('(computed: green)');
    expect(note).toHaveTextContent('Why: Champion resigned');
    fireEvent.click(screen.getByRole('button', { name: 'Remove the override' }));
    await vi.waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({ kind: 'plans', at: plan, fields: {}, opts: { unset: ['bandOverride'] } });
  });
});
