import { useEffect, useState, type FormEvent } from 'react';
import { daysBetween, localDate } from '../../../shared/dates/local-date';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import { DEFAULT_SERVICE_DAY, ServicePlanSchema, type MonthlyReport, type ServiceDayRule, type ServicePlan, type ServiceVisit } from '../../../data/model/records';
import { putRecordVia } from '../../../platform/panel/data-client';
import { monthOf, nextServiceDay, ruleOf } from '../../../shared/dates/calendar';
import { monthState, serviceCadence } from '../cadence';
import { monthName } from '../../../shared/dates/month-name';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { saveFailed, FormMessage } from '../../../shared/ui/FormMessage';

export const planId = (accountId: string) => `plan:${accountId}`;

/** What the plan form edits, checked before it is sent. */
const PLAN_FIELDS = ServicePlanSchema.pick({ serviceDay: true, language: true, bossName: true, bossEmail: true });

/** The rule in words: "The last Friday of each month". */
export function useRuleText() {
  const { t } = useTr();
  return (rule: ServiceDayRule) =>
    rule.kind === 'nth_weekday'
      ? t('plan.rule.nth', { nth: t(`plan.nth.${rule.n}` as MessageKey), weekday: t(`plan.weekday.${rule.weekday}` as MessageKey) })
      : t('plan.rule.day', { day: rule.day });
}

/** The account's service rhythm: next service day, this month, the last six months, and the plan's settings. */
export function ServicePlanCard({ account, plan, visits, reports, now, uiLanguage }: {
  account: Account;
  plan: ServicePlan | undefined;
  visits: ServiceVisit[];
  reports: MonthlyReport[];
  now: Date;
  uiLanguage: 'en' | 'zh-CN';
}) {
  const tr = useTr();
  const { t } = tr;
  const ruleText = useRuleText();
  const today = localDate(now);
  const rule = ruleOf(plan);
  const next = nextServiceDay(rule, today);
  const since = account.signedAt ?? account.contractStart;
  const input = { rule, visits, reports, today, ...(since ? { since } : {}) };
  const thisMonth = monthState(input, monthOf(today));
  const cadence = serviceCadence(input);
  const days = daysBetween(today, next);

  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('plan.title')}</h2>
      <p className="loud">
        {t('plan.next', { date: formatDate(next, tr.locale) })}{' '}
        <span className="muted">{days === 0 ? t('plan.today') : tr.plural('plan.inDays', days)}</span>
      </p>
      <p>
        {t('plan.thisMonth')}{' '}
        <strong className={`month-${thisMonth.state}`}>{t(`plan.state.${thisMonth.state}` as MessageKey)}</strong>
      </p>
      <p className="muted small">{ruleText(rule)}</p>
      <h3>{t('plan.cadence')}</h3>
      <ol className="cadence" aria-label={t('plan.cadence')}>
        {cadence.map((m) => (
          <li key={m.month} className={`month-${m.state}`} title={t(`plan.state.${m.state}` as MessageKey)}>
            <span className="cad-month">{monthName(m.month, tr.locale)}</span>
            <span className="cad-state">{t(`plan.state.${m.state}` as MessageKey)}</span>
          </li>
        ))}
      </ol>
      <PlanEditor account={account} plan={plan} uiLanguage={uiLanguage} />
    </section>
  );
}

function PlanEditor({ account, plan, uiLanguage }: { account: Account; plan: ServicePlan | undefined; uiLanguage: 'en' | 'zh-CN' }) {
  const { t } = useTr();
  const initial = () => ({
    rule: plan?.serviceDay ?? DEFAULT_SERVICE_DAY,
    language: plan?.language ?? uiLanguage,
    bossName: plan?.bossName ?? '',
    bossEmail: plan?.bossEmail ?? '',
  });
  const [form, setForm] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A plan changed elsewhere (another device, the popup) shows here.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setForm(initial()), [plan?.updatedAt]);
  const rule = form.rule;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      serviceDay: form.rule, language: form.language,
      ...(form.bossName.trim() ? { bossName: form.bossName.trim() } : {}),
      ...(form.bossEmail.trim() ? { bossEmail: form.bossEmail.trim() } : {}),
    };
    const checked = PLAN_FIELDS.safeParse(fields);
    if (!checked.success) {
      const bad = checked.error.issues.some((i) => i.path[0] === 'bossEmail');
      return setMessage({ ok: false, text: t(bad ? 'plan.badEmail' : 'plan.invalid') });
    }
    try {
      const empty = (['bossName', 'bossEmail'] as const).filter((k) => checked.data[k] === undefined);
      await putRecordVia('plans', plan ?? { id: planId(account.id), accountId: account.id }, checked.data, { unset: empty });
      setMessage({ ok: true, text: t('plan.saved') });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };

  return (
    <details className="outcome">
      <summary>{t('plan.edit')}</summary>
      <form onSubmit={(e) => void save(e)} noValidate>
        <label htmlFor="plan-kind">{t('plan.kind')}</label>
        <select id="plan-kind" value={rule.kind}
          onChange={(e) => setForm({ ...form, rule: e.target.value === 'day_of_month' ? { kind: 'day_of_month', day: 28 } : DEFAULT_SERVICE_DAY })}>
          <option value="nth_weekday">{t('plan.kind.nth_weekday')}</option>
          <option value="day_of_month">{t('plan.kind.day_of_month')}</option>
        </select>
        {rule.kind === 'nth_weekday' ? (
          <div className="row">
            <select aria-label={t('plan.which')} value={rule.n} onChange={(e) => setForm({ ...form, rule: { ...rule, n: Number(e.target.value) as 1 | 2 | 3 | 4 | -1 } })}>
              {([1, 2, 3, 4, -1] as const).map((n) => <option key={n} value={n}>{t(`plan.nth.${n}` as MessageKey)}</option>)}
            </select>
            <select aria-label={t('plan.weekday')} value={rule.weekday} onChange={(e) => setForm({ ...form, rule: { ...rule, weekday: Number(e.target.value) } })}>
              {[1, 2, 3, 4, 5, 6, 0].map((d) => <option key={d} value={d}>{t(`plan.weekday.${d}` as MessageKey)}</option>)}
            </select>
          </div>
        ) : (
          <>
            <label htmlFor="plan-day">{t('plan.day')}</label>
            <select id="plan-day" value={rule.day} onChange={(e) => setForm({ ...form, rule: { kind: 'day_of_month', day: Number(e.target.value) } })}>
              {Array.from({ length: 31 }, (_, i) => i + 1).map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
            <p className="muted small">{t('plan.weekendMove')}</p>
          </>
        )}
        <label htmlFor="plan-language">{t('plan.language')}</label>
        <select id="plan-language" value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value as 'en' | 'zh-CN' })}>
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
        <label htmlFor="plan-boss">{t('plan.bossName')}</label>
        <input id="plan-boss" value={form.bossName} onChange={(e) => setForm({ ...form, bossName: e.target.value })} />
        <label htmlFor="plan-email">{t('plan.bossEmail')}</label>
        <input id="plan-email" type="email" value={form.bossEmail} onChange={(e) => setForm({ ...form, bossEmail: e.target.value })} />
        <button type="submit">{t('plan.save')}</button>
        <FormMessage message={message} />
      </form>
    </details>
  );
}
