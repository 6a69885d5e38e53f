import { describe, expect, it } from 'vitest';
import { serviceCtaRule } from './cta';
import { translator } from '../../shared/i18n';

describe('service CTA titles', () => {
  it('write their dates in the reader’s language, not as stored ISO dates', () => {
    const review = serviceCtaRule.titles.expectation_review!({ since: '2025-12-03' }, translator('zh-CN'));
    expect(review).toContain('2025年12月3日');
    expect(review).not.toContain('2025-12-03');
    expect(serviceCtaRule.titles.expectation_review!({ since: '2025-12-03' }, translator('en'))).toContain('Dec 3, 2025');
    expect(serviceCtaRule.titles.service_followup!({ text: 'Send the SSO guide', visitDate: '2026-11-27' }, translator('en'))).toBe('Follow-up: Send the SSO guide (from the visit on Nov 27, 2026)');
    expect(serviceCtaRule.titles.service_visit_missed!({ month: '2026-11', serviceDay: '2026-11-27' }, translator('zh-CN'))).toContain('2026年11月27日');
  });

  it('keep a date they cannot read as it was stored', () => {
    expect(serviceCtaRule.titles.expectation_review!({ since: 'not a date' }, translator('en'))).toContain('not a date');
  });
});
