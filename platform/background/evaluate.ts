import { writeRecord } from '../../data/sync/outbox';
import { localDate } from '../../shared/dates/local-date';
import type { LensDB } from '../../data/db/db';
import { accountRecords } from '../../data/db/account-records';
import { closedByRule, evaluateCtas, reopened, wordCtaTitle } from '../../features/ctas';
import { toCta } from '../../data/model/cta-draft';
import { readEngineSettings } from '../../features/engine-settings';
import type { Translator } from '../../shared/i18n';
import { touchpointLogs } from '../../features/renewal';
import { healthSeries } from '../../features/health-service';
import { templateFor } from '../../features/onboarding/template';

export { wordCtaTitle };

/**
 * Raises the CTAs an account's data calls for (once per cause, deterministic
 * ids) and closes those it shows resolved; both go through the outbox like
 * any record a person writes.
 */
export async function evaluateAccountCtas(database: LensDB, accountId: string, now: Date, tr: Translator): Promise<{ created: number; closed: number; reopened: number }> {
  const account = await database.accounts.get(accountId);
  if (!account) return { created: 0, closed: 0, reopened: 0 };
  const { snapshots: imported, milestones, outcomes, ctas: existing, visits, notes, plans, reports, promises, handovers } =
    await accountRecords(database, accountId, ['milestones', 'outcomes', 'ctas', 'visits', 'notes', 'plans', 'reports', 'promises', 'handovers']);
  const { model, renewal, service, onboarding } = await readEngineSettings();
  const snapshots = healthSeries(account, imported, { visits, reports, notes, promises, plans }, service, localDate(now));
  const result = evaluateCtas({
    account, snapshots, milestones, outcomes, existing,
    model, renewalSettings: renewal,
    logged: touchpointLogs(visits, notes), handovers, keyPersonQuietDays: service.keyPersonQuietDays, today: localDate(now),
    onboardingTemplate: templateFor(onboarding ?? {}, account.segment).milestones,
    service: { plans, visits, reports, notes, settings: service },
  });
  const at = now.toISOString();
  for (const draft of result.create) await writeRecord(database, 'ctas', toCta(draft, wordCtaTitle(draft, tr), at), now);
  const byId = new Map(existing.map((c) => [c.id, c]));
  for (const closure of result.close) {
    const cta = byId.get(closure.id);
    if (cta) await writeRecord(database, 'ctas', closedByRule(cta, closure.reason, tr, at), now);
  }
  for (const { id } of result.reopen) {
    const cta = byId.get(id);
    if (cta) await writeRecord(database, 'ctas', reopened(cta, at), now);
  }
  return { created: result.create.length, closed: result.close.length, reopened: result.reopen.length };
}
