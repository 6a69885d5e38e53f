import { writeRecord } from '../api/outbox';
import { localDate } from '../dates/local-date';
import type { LensDB } from '../db/db';
import { snapshotsOf } from '../db/health';
import { evaluateCtas, toCta, type CtaDraft } from '../ctas';
import { readEngineSettings } from '../engine-settings';
import type { MessageKey, Translator } from '../i18n';
import { touchpointLogs } from '../renewal';
import { monthName } from '../service/format';

const MILESTONE_KEYS = ['kick_off', 'workshop_60pct', 'health_model_setup', 'first_value'] as const;

/** A draft's title in the user's language, stored with the CTA (the team reads what was raised). */
export function wordCtaTitle(draft: Pick<CtaDraft, 'title'>, tr: Translator): string {
  const p = draft.title.params;
  switch (draft.title.code) {
    case 'health_red_streak':
      return tr.t('cta.redStreak', { weeks: p.weeks ?? 2, score: Math.round(Number(p.score ?? 0)) });
    case 'renewal_touchpoint':
      return tr.t(p.mode === 'automated' ? 'cta.touchpointAutomated' : 'cta.touchpoint', { offset: p.offset ?? '' });
    case 'onboarding_milestone': {
      const key = String(p.key);
      const known = (MILESTONE_KEYS as readonly string[]).includes(key);
      return tr.t('cta.milestone', { milestone: known ? tr.t(`onboarding.${key}` as MessageKey) : String(p.title ?? key) });
    }
    case 'churn_recovery':
      return tr.t('cta.churnRecovery');
    case 'service_visit_missed':
      return tr.t('cta.visitMissed', { month: monthName(String(p.month), tr.locale), serviceDay: String(p.serviceDay) });
    case 'service_qbr_missed':
      return tr.t('cta.qbrMissed', { quarter: String(p.quarter) });
    case 'service_report_missing':
      return tr.t('cta.reportMissing', { month: monthName(String(p.month), tr.locale) });
    case 'service_followup':
      return tr.t('cta.followUp', { text: String(p.text), visitDate: String(p.visitDate) });
    case 'expectation_reset':
      return tr.t('cta.expectationReset');
    case 'expectation_review':
      return tr.t('cta.expectationReview', { since: String(p.since) });
  }
}

/**
 * Raises the CTAs an account's data calls for (once per cause, deterministic
 * ids) and closes those it shows resolved; both go through the outbox like
 * any record a person writes.
 */
export async function evaluateAccountCtas(database: LensDB, accountId: string, now: Date, tr: Translator): Promise<{ created: number; closed: number }> {
  const account = await database.accounts.get(accountId);
  if (!account) return { created: 0, closed: 0 };
  const of = <T>(table: string) => database.table(table).where('accountId').equals(accountId).toArray() as Promise<T[]>;
  const [snapshots, milestones, outcomes, existing, visits, notes, plans, reports] = await Promise.all([
    snapshotsOf(database, accountId),
    of<never>('milestones'), of<never>('outcomes'), of<never>('ctas'), of<never>('visits'), of<never>('notes'),
    of<never>('plans'), of<never>('reports'),
  ]);
  const { model, renewal, service } = await readEngineSettings();
  const result = evaluateCtas({
    account, snapshots, milestones, outcomes, existing,
    model, renewalSettings: renewal,
    logged: touchpointLogs(visits, notes), today: localDate(now),
    service: { plans, visits, reports, notes, settings: service },
  });
  const at = now.toISOString();
  for (const draft of result.create) await writeRecord(database, 'ctas', toCta(draft, wordCtaTitle(draft, tr), at), now);
  for (const closure of result.close) {
    const cta = existing.find((c: { id: string }) => c.id === closure.id) as Record<string, unknown> | undefined;
    if (cta) await writeRecord(database, 'ctas', { ...cta, status: 'closed', closedNote: tr.t(`cta.closed.${closure.reason}` as MessageKey), updatedAt: at }, now);
  }
  return { created: result.create.length, closed: result.close.length };
}
