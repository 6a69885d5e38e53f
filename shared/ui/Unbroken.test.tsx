import { render } from '@testing-library/react';
import { Unbroken } from './Unbroken';

describe('text whose dates and figures stay on one line', () => {
  it('wraps each date and figure in a no-wrap span and keeps the text as it was', () => {
    const text = 'Review value with the boss (no review since 2025-12-02) · CN¥1,109,200 · 62.5% · 2026年11月1日';
    const { container } = render(<p><Unbroken text={text} /></p>);
    expect(container.textContent).toBe(text);
    expect([...container.querySelectorAll('.nowrap')].map((s) => s.textContent)).toEqual(['2025-12-02', 'CN¥1,109,200', '62.5%', '2026年11月1日']);
  });

  it('leaves text without dates or figures alone', () => {
    const { container } = render(<p><Unbroken text="Key person gone quiet" /></p>);
    expect(container.querySelectorAll('.nowrap')).toHaveLength(0);
    expect(container.textContent).toBe('Key person gone quiet');
  });
});
