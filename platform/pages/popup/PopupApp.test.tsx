import { render, screen } from '@testing-library/react';
import type { Locale } from '../../../shared/i18n';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { usePanelStore } from '../../panel/store';
import { PopupApp } from './PopupApp';

const asked = vi.hoisted(() => [] as unknown[]);
vi.mock('../../panel/follow-tab', () => ({ followTab: async () => undefined }));
vi.mock('../../../features/use-engine-settings', () => ({ useEngineSettings: () => ({}) }));
vi.mock('../../panel/data-client', () => ({
  useAccount: (ref: unknown) => (asked.push(ref), { account: null }),
  useRecords: () => undefined,
}));

const show = (locale: Locale) => render(<I18nProvider locale={locale}><PopupApp pinnedTab={3} /></I18nProvider>);

describe('the popup on a deal page', () => {
  beforeEach(() => {
    asked.length = 0;
    usePanelStore.setState({ tabId: 3, resolved: true, ref: { crm: 'salesforce', recordId: '006D000000AbCdEIAZ', name: 'Acme expansion', kind: 'deal' } });
  });

  it('points to the panel’s deal view and looks up no account by the deal’s id, in both languages', () => {
    show('en');
    expect(screen.getByTestId('popup-deal')).toHaveTextContent('Acme expansion is a deal: open the panel for the deal view');
    expect(screen.queryByText(/not in your data/)).toBeNull();
    expect(asked.every((ref) => ref === null)).toBe(true);
    show('zh-CN');
    expect(screen.getByText(/Acme expansion 是一个商机/)).toBeInTheDocument();
  });

  it('an account page still says when the account is not in the data', () => {
    usePanelStore.setState({ ref: { crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Contoso' } });
    show('en');
    expect(screen.getByText('Contoso is not in your data yet: open the panel to add it.')).toBeInTheDocument();
    expect(asked).toContainEqual({ crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Contoso' });
  });
});
