import type { CtaRule } from '../../data/model/cta-draft';
import type { Cta } from '../../data/model/records';
import { monthName } from '../../shared/dates/month-name';
import { formatDate } from '../../shared/ui/format';

/** A date parameter in the reader's language (2026年11月28日, Nov 28, 2026); a stored title keeps its ISO date. */
const day = (v: unknown, locale: Parameters<typeof formatDate>[1]) => formatDate(String(v), locale);
import { serviceCtas, type ServiceCtaInput } from './ctas';

/** The resolver of an account the rule has nothing to close for. */
const nothing = (): undefined => undefined;

export interface ServiceRuleInput {
  account: ServiceCtaInput['account'];
  today: ServiceCtaInput['today'];
  existing: readonly Cta[];
  /** The service rhythm and expectation notes; without them no service CTAs are raised. */
  service?: Omit<ServiceCtaInput, 'account' | 'today'>;
}

/** The service rhythm and expectation timing (serviceCtas), as a registered CTA source. */
export const serviceCtaRule: CtaRule<ServiceRuleInput> = {
  evaluate({ account, today, existing, service }) {
    if (!service) return { create: [], resolve: nothing };
    // Named, not spread: the book calls this for every account.
    const found = serviceCtas({ plans: service.plans, visits: service.visits, reports: service.reports, notes: service.notes, settings: service.settings, account, today }, existing);
    if (!found.close.length && !found.reopen.size) return { create: found.create, resolve: nothing };
    const reasons = new Map(found.close.map((c) => [c.id, c.reason]));
    return {
      create: found.create,
      resolve(c) {
        return reasons.get(c.id);
      },
      reopen(c) {
        return found.reopen.has(c.id);
      },
    };
  },
  titles: {
    service_visit_missed: (p, tr) => tr.t('cta.visitMissed', { month: monthName(String(p.month), tr.locale), serviceDay: day(p.serviceDay, tr.locale) }),
    service_qbr_missed: (p, tr) => tr.t('cta.qbrMissed', { quarter: String(p.quarter) }),
    service_report_missing: (p, tr) => tr.t('cta.reportMissing', { month: monthName(String(p.month), tr.locale) }),
    service_followup: (p, tr) => tr.t('cta.followUp', { text: String(p.text), visitDate: day(p.visitDate, tr.locale) }),
    expectation_reset: (_p, tr) => tr.t('cta.expectationReset'),
    expectation_review: (p, tr) => tr.t('cta.expectationReview', { since: day(p.since, tr.locale) }),
  },
  closedNotes: {
    visit_logged: 'cta.closed.visit_logged',
    report_sent: 'cta.closed.report_sent',
    visit_removed: 'cta.closed.visit_removed',
    reset_done: 'cta.closed.reset_done',
    review_done: 'cta.closed.review_done',
  },
  plays: {
    service_visit_missed: {
      causePrefix: 'service:visit:',
      name: 'play.service_visit_missed.name',
      steps: ['play.service_visit_missed.1', 'play.service_visit_missed.2', 'play.service_visit_missed.3', 'play.service_visit_missed.4'],
    },
    service_qbr_missed: {
      causePrefix: 'service:qbr:',
      name: 'play.service_qbr_missed.name',
      steps: ['play.service_qbr_missed.1', 'play.service_qbr_missed.2', 'play.service_qbr_missed.3', 'play.service_qbr_missed.4'],
    },
    service_report_missing: {
      causePrefix: 'service:report:',
      name: 'play.service_report_missing.name',
      steps: ['play.service_report_missing.1', 'play.service_report_missing.2', 'play.service_report_missing.3'],
    },
    service_followup: {
      causePrefix: 'service:followup:',
      name: 'play.service_followup.name',
      steps: ['play.service_followup.1', 'play.service_followup.2', 'play.service_followup.3'],
    },
    expectation_reset: {
      causePrefix: 'expectations:reset:',
      name: 'play.expectation_reset.name',
      steps: ['play.expectation_reset.1', 'play.expectation_reset.2', 'play.expectation_reset.3', 'play.expectation_reset.4'],
    },
    expectation_review: {
      causePrefix: 'expectations:review:',
      name: 'play.expectation_review.name',
      steps: ['play.expectation_review.1', 'play.expectation_review.2', 'play.expectation_review.3', 'play.expectation_review.4'],
    },
  },
};
