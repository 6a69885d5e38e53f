import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { canPitch } from '../can-pitch';
import { PitchChip } from './PitchChip';

const hold = canPitch({
  account: { signedAt: '2027-03-09' }, today: '2027-03-10', noPitchDays: 7, band: 'red', bandByHand: true,
  ctas: [{ cause: 'x', status: 'open', needsOtherTeam: true }, { cause: 'y', status: 'open', needsOtherTeam: true }],
  promises: { broken: 0, atRisk: 1 },
});

describe('PitchChip', () => {
  it('answers hold with every reason, in English', () => {
    render(<I18nProvider locale="en"><PitchChip pitch={hold} /></I18nProvider>);
    expect(screen.getByTestId('pitch-answer').textContent).toBe('Hold');
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Health is red (set by hand): fix the service first.',
      'Promises to settle first: 0 broken, 1 at risk.',
      '2 escalations needing another team are open.',
      'Recently signed: no pitching through Mar 16, 2027.',
    ]);
  });
  it('answers go in Chinese', () => {
    render(<I18nProvider locale="zh-CN"><PitchChip pitch={{ answer: 'go', holds: [] }} /></I18nProvider>);
    expect(screen.getByTestId('pitch-answer').textContent).toBe('可以');
    expect(screen.getByText('没有未解决的事项妨碍推荐新产品。')).toBeTruthy();
  });
});
