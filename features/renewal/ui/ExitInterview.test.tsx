import { fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { ExitInterview } from './ExitInterview';
import { EXIT_INTERVIEW, exitInterviewText } from '../exit-interview';

describe('ExitInterview', () => {
  it('asks the same questions in English and Chinese, and names nothing internal', () => {
    expect(EXIT_INTERVIEW.en.questions.length).toBe(EXIT_INTERVIEW['zh-CN'].questions.length);
    for (const l of ['en', 'zh-CN'] as const) expect(exitInterviewText(l)).not.toMatch(/health|likelihood|churn|健康|可能性|流失/i);
    expect(exitInterviewText('en').split('\n')[4]).toBe('1. In your own words, why did you decide not to renew?');
  });

  it('copies the template in the language picked, starting with the panel’s', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<I18nProvider locale="zh-CN"><ExitInterview /></I18nProvider>);
    expect(screen.getByText('请用您自己的话说说，为什么决定不再续约？')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '复制问题' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已复制。');
    expect(writeText).toHaveBeenCalledWith(exitInterviewText('zh-CN'));
    fireEvent.change(screen.getByLabelText('客户使用的语言'), { target: { value: 'en' } });
    writeText.mockRejectedValueOnce(new Error('denied'));
    fireEvent.click(screen.getByRole('button', { name: '复制问题' }));
    expect(await screen.findByRole('status')).toHaveTextContent('无法复制');
    expect(writeText).toHaveBeenLastCalledWith(exitInterviewText('en'));
  });
});
