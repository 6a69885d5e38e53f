import { useState } from 'react';
import { localDate } from '../../../shared/dates/local-date';
import { latestReading } from '../../health/current';
import { scoreHealth, type HealthModel } from '../../health';
import { plusDays } from '../../../shared/dates/week';
import type { Account } from '../../../data/model/account';
import type { Cta, HealthSnapshot, MonthlyReport, PromiseRecord, ServicePlan, ServiceVisit } from '../../../data/model/records';
import { writeRecordVia } from '../../../platform/panel/data-client';
import { renewalTimeline, touchpointLogs, type RenewalSettings } from '../../renewal';
import { addMonths, lastDay, monthOf, nextServiceDay, ruleOf } from '../../../shared/dates/calendar';
import { monthName } from '../../../shared/dates/month-name';
import { mailtoHref, monthlyReport } from '../report';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { ctaId } from '../../../data/model/cta-draft';
import { translator, type MessageKey } from '../../../shared/i18n';
import type { ServiceSettings } from '../settings';
import { copyText } from '../../../shared/ui/copy';
import { saveFailed, FormMessage } from '../../../shared/ui/FormMessage';

/** The discussion topics of the checklist (business team and boss sections), worded in the report's language. */
function topicLabels(settings: ServiceSettings, language: 'en' | 'zh-CN'): Record<string, string> {
  const { t } = translator(language);
  return Object.fromEntries(
    (['team', 'boss'] as const).flatMap((section) => settings.checklist[section].map((i) => [i.id, i.label ?? t(`checklist.item.${i.id}` as MessageKey)])),
  );
}

export const reportId = (accountId: string, month: string) => `report:${accountId}:${month}`;

/**
 * The monthly service report for the customer's boss, in the account's
 * language: generated from the month's visits, health, renewal timing,
 * promises and open requests; copied, drafted as an e-mail, marked as sent.
 */
export function ReportCard(props: {
  account: Account;
  plan: ServicePlan | undefined;
  visits: ServiceVisit[];
  reports: MonthlyReport[];
  promises: PromiseRecord[];
  ctas: Cta[];
  notes: Parameters<typeof touchpointLogs>[1];
  snapshots: HealthSnapshot[];
  model: HealthModel;
  renewal: RenewalSettings;
  service: ServiceSettings;
  now: Date;
  uiLanguage: 'en' | 'zh-CN';
}) {
  const { account, plan, visits, reports, now } = props;
  const tr = useTr();
  const { t } = tr;
  const today = localDate(now);
  const current = monthOf(today);
  // This month once it has a visit; before that, last month's report is the one to send.
  const [month, setMonth] = useState(() => (visits.some((v) => monthOf(v.date) === current) ? current : addMonths(current, -1)));
  const [format, setFormat] = useState<'text' | 'markdown'>('text');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const language = plan?.language ?? props.uiLanguage;
  const sent = reports.find((r) => r.month === month && !r.deleted);

  // Health at the month's end (or today, for the current month) and a month before.
  const asOf = month === current ? today : lastDay(month);
  const scoreAt = (date: string) => {
    const reading = latestReading(props.snapshots, date);
    const s = reading ? scoreHealth(reading.inputs, props.model) : undefined;
    return s && s.score !== null ? { score: s.score, band: s.band } : undefined;
  };
  const now_ = scoreAt(asOf);
  const before = scoreAt(plusDays(asOf, -30));
  const openIds = new Set(props.ctas.filter((c) => !c.deleted && c.status !== 'closed').map((c) => c.id));
  const timeline = renewalTimeline(account, touchpointLogs(visits, props.notes), props.renewal, today);
  const nextTp = timeline.touchpoints.find((p) => p.status !== 'done' && p.due >= today);
  const report = monthlyReport({
    language,
    month,
    account: { name: account.name, ...(account.csm ? { csm: account.csm } : {}), contractEnd: account.contractEnd },
    ...(plan?.bossName ? { bossName: plan.bossName } : {}),
    visits,
    ...(now_ ? { health: { ...now_, ...(before ? { previousScore: before.score } : {}) } } : {}),
    renewal: { daysLeft: timeline.daysLeft, ...(nextTp ? { nextTouchpoint: { offset: nextTp.offset, due: nextTp.due } } : {}) },
    promises: props.promises,
    // What the customer asked for and is still open: the follow-ups of earlier visits whose next step is open.
    // (Internal next steps, such as renewal touchpoints, are not the customer's business.)
    openRequests: visits.flatMap((v) =>
      v.deleted ? [] : v.followUps.flatMap((f, n) => (openIds.has(ctaId(`service:followup:${v.id}:${n}`)) ? [{ title: f.text, dueDate: f.dueDate }] : [])),
    ),
    nextServiceDay: nextServiceDay(ruleOf(plan), today),
    checklistLabels: topicLabels(props.service, language),
    today,
  });
  const body = format === 'text' ? report.text : report.markdown;
  const months = Array.from({ length: 6 }, (_, i) => addMonths(current, -i));

  const copy = async () => {
    const ok = await copyText(body);
    setMessage({ ok, text: t(ok ? 'report.copied' : 'report.copyFailed') });
  };
  const markSent = async () => {
    const stamp = new Date().toISOString();
    try {
      await writeRecordVia('reports', {
        id: reportId(account.id, month), accountId: account.id, createdAt: stamp, updatedAt: stamp,
        month, language, sentAt: today, ...(plan?.bossEmail ? { to: plan.bossEmail } : {}),
      });
      setMessage({ ok: true, text: t('report.markedSent', { month: monthName(month, tr.locale) }) });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };

  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title')}</h2>
      <div className="row">
        <select aria-label={t('report.month')} value={month} onChange={(e) => setMonth(e.target.value)}>
          {months.map((m) => <option key={m} value={m}>{monthName(m, tr.locale)}</option>)}
        </select>
        <select aria-label={t('report.format')} value={format} onChange={(e) => setFormat(e.target.value as 'text' | 'markdown')}>
          <option value="text">{t('report.text')}</option>
          <option value="markdown">Markdown</option>
        </select>
      </div>
      <p className="muted small">
        {t('report.language', { language: language === 'zh-CN' ? '中文' : 'English' })}
        {sent ? ` · ${t('report.sentOn', { date: formatDate(sent.sentAt, tr.locale) })}` : ` · ${t('report.notSent')}`}
      </p>
      {report.bossAbsent && <p className="banner" role="note">{t('report.bossAbsent')}</p>}
      <textarea className="report" readOnly rows={12} aria-label={t('report.preview')} value={body} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void copy()}>{t('report.copy')}</button>
        <a className="button" href={mailtoHref(plan?.bossEmail, report.subject, report.text)} target="_blank" rel="noreferrer">{t('report.email')}</a>
        <button type="button" onClick={() => void markSent()} disabled={Boolean(sent)}>{t(sent ? 'report.sent' : 'report.markSent')}</button>
      </div>
      {!plan?.bossEmail && <p className="muted small">{t('report.noBossEmail')}</p>}
      <FormMessage message={message} />
    </section>
  );
}
