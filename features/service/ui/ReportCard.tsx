import { useState, type ReactNode } from 'react';
import { localDate } from '../../../shared/dates/local-date';
import { latestReading } from '../../health/current';
import { scoreHealth, type HealthModel } from '../../health';
import { plusDays } from '../../../shared/dates/week';
import type { Account } from '../../../data/model/account';
import type { Cta, HealthSnapshot, MonthlyReport, PromiseRecord, ServicePlan, ServiceVisit } from '../../../data/model/records';
import { putRecordVia, removeRecordVia, useRecords } from '../../../platform/panel/data-client';
import { renewalTimeline, touchpointLogs, type RenewalSettings } from '../../renewal';
import { addMonths, lastDay, monthOf, nextServiceDay, ruleOf } from '../../../shared/dates/calendar';
import { monthName } from '../../../shared/dates/month-name';
import {
  USAGE_MEASURES, chartSeries, cleanBody, draftFormats, mailtoHref, monthlyReport, readingAt, sectionsOn, withSection,
  type ChartMeasure, type ReportSection,
} from '../report';
import { SectionSwitches } from '../report/SectionSwitches';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { ctaId } from '../../../data/model/cta-draft';
import { translator, type MessageKey } from '../../../shared/i18n';
import type { ServiceSettings } from '../settings';
import { copyText } from '../../../shared/ui/copy';
import { saveFailed, FormMessage } from '../../../shared/ui/FormMessage';
import { planId } from './ServicePlanCard';

/** The discussion topics of the checklist (business team and boss sections), worded in the report's language. */
function topicLabels(settings: ServiceSettings, language: 'en' | 'zh-CN'): Record<string, string> {
  const { t } = translator(language);
  return Object.fromEntries(
    (['team', 'boss'] as const).flatMap((section) => settings.checklist[section].map((i) => [i.id, i.label ?? t(`checklist.item.${i.id}` as MessageKey)])),
  );
}

export const reportId = (accountId: string, month: string) => `report:${accountId}:${month}`;
/** The longest report stored (data/model/records.ts MonthlyReportSchema `body`). */
const BODY_MAX = 100_000;

/**
 * The monthly service report for the customer's boss, in the account's
 * language: a draft generated from the month's visits, outcomes, usage and
 * requests (internal signals only in the sections switched on for the
 * account), edited by the CSM, then copied, drafted as an e-mail, printed and
 * marked as sent. "Reopen as draft" removes the month's report record: the
 * month counts as not sent again, and the text stays in the editor.
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
  /** Where the panel offers delivery by the team's channels: given the report as it stands (the CSM's edit). */
  deliver?: ((report: { subject: string; text: string }) => ReactNode) | undefined;
}) {
  const { account, plan, visits, reports, now } = props;
  const tr = useTr();
  const { t } = tr;
  const handovers = useRecords('handovers', account.id);
  const today = localDate(now);
  const current = monthOf(today);
  // This month once it has a visit; before that, last month's report is the one to send.
  const [month, setMonth] = useState(() => (visits.some((v) => monthOf(v.date) === current) ? current : addMonths(current, -1)));
  const [format, setFormat] = useState<'text' | 'markdown'>('text');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const language = plan?.language ?? props.uiLanguage;
  const id = reportId(account.id, month);
  const stored = reports.find((r) => r.id === id) ?? reports.find((r) => r.month === month && !r.deleted);
  const sent = stored && !stored.deleted ? stored : undefined;
  const on = sectionsOn(plan?.reportSections);

  // Health at the month's end (or today, for the current month) and a month before.
  const asOf = month === current ? today : lastDay(month);
  const scoreAt = (date: string) => {
    const reading = latestReading(props.snapshots, date);
    const s = reading ? scoreHealth(reading.inputs, props.model) : undefined;
    return s && s.score !== null ? { score: s.score, band: s.band } : undefined;
  };
  const now_ = scoreAt(asOf);
  const before = scoreAt(plusDays(asOf, -30));
  const usageNow = readingAt(props.snapshots, asOf);
  const usageBefore = readingAt(props.snapshots, plusDays(asOf, -30));
  const openIds = new Set(props.ctas.filter((c) => !c.deleted && c.status !== 'closed').map((c) => c.id));
  const timeline = renewalTimeline(account, touchpointLogs(visits, props.notes), props.renewal, today);
  const nextTp = timeline.touchpoints.find((p) => p.status !== 'done' && p.due >= today);
  const outcomes = (handovers ?? []).find((h) => !h.deleted)?.outcomes ?? [];
  const report = monthlyReport({
    language,
    month,
    account: { name: account.name, ...(account.csm ? { csm: account.csm } : {}), contractEnd: account.contractEnd },
    ...(plan?.bossName ? { bossName: plan.bossName } : {}),
    ...(plan?.reportSections ? { sections: plan.reportSections } : {}),
    visits,
    outcomes,
    usage: { ...(usageNow ? { now: usageNow } : {}), ...(usageBefore && usageBefore.asOf !== usageNow?.asOf ? { before: usageBefore } : {}) },
    ...(now_ ? { health: { ...now_, ...(before ? { previousScore: before.score } : {}) } } : {}),
    renewal: { daysLeft: timeline.daysLeft, ...(nextTp ? { nextTouchpoint: { offset: nextTp.offset, due: nextTp.due } } : {}) },
    promises: props.promises,
    // What the customer asked for and is still open: the follow-ups of earlier visits whose next step is open.
    // (Internal next steps, such as renewal touchpoints, are not the customer's business.)
    openRequests: visits.flatMap((v) =>
      v.deleted || monthOf(v.date) >= month ? [] : v.followUps.flatMap((f, n) => (openIds.has(ctaId(`service:followup:${v.id}:${n}`)) ? [{ title: f.text, dueDate: f.dueDate }] : [])),
    ),
    nextServiceDay: nextServiceDay(ruleOf(plan), today),
    checklistLabels: topicLabels(props.service, language),
    today,
  });

  // The text in the editor: the CSM's edit, else the text as sent (or as it was before it was reopened), else the draft.
  const text = drafts[month] ?? stored?.body ?? report.text;
  const edited = cleanBody(text) !== cleanBody(report.text);
  const measures: ChartMeasure[] = [...(on.has('usage') ? USAGE_MEASURES : []), ...(on.has('outcomes') ? (['outcomeAttainment'] as const) : [])];
  const out = draftFormats({ body: text, language, subject: report.subject, series: chartSeries(props.snapshots, month, asOf, measures) });
  const changed = sent !== undefined && out.text !== (sent.body ?? '');
  const months = Array.from({ length: 6 }, (_, i) => addMonths(current, -i));

  const run = async (write: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await write();
      setMessage({ ok: true, text: done });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    } finally {
      setBusy(false);
    }
  };
  /** The text to store, or why it cannot be. */
  const checked = (): string | null => {
    const problem = !out.text ? 'report.empty' : out.text.length > BODY_MAX ? 'report.tooLong' : null;
    if (problem) setMessage({ ok: false, text: t(problem) });
    return problem ? null : out.text;
  };
  const at = { id, accountId: account.id, ...(stored?.version !== undefined ? { version: stored.version } : {}) };
  const markSent = () => {
    const body = checked();
    if (body === null) return;
    void run(async () => {
      await putRecordVia('reports', at, { month, language, sentAt: today, body, edited, ...(plan?.bossEmail ? { to: plan.bossEmail } : {}) }, { unset: plan?.bossEmail ? [] : ['to'] });
      setDrafts((d) => ({ ...d, [month]: body }));
    }, t('report.markedSent', { month: monthName(month, tr.locale) }));
  };
  const saveChanges = () => {
    const body = checked();
    if (body !== null) void run(() => putRecordVia('reports', at, { body, edited }), t('report.changesSaved'));
  };
  const reopen = () => {
    if (!sent) return;
    void run(async () => {
      await removeRecordVia('reports', { id: sent.id, ...(sent.version !== undefined ? { version: sent.version } : {}) });
      setDrafts((d) => ({ ...d, [month]: text }));
    }, t('report.reopened', { month: monthName(month, tr.locale) }));
  };
  const switchSection = (s: ReportSection, value: boolean) =>
    void run(
      () => putRecordVia('plans', { id: plan?.id ?? planId(account.id), accountId: account.id, ...(plan?.version !== undefined ? { version: plan.version } : {}) }, {
        reportSections: withSection(plan?.reportSections, s, value),
        ...(plan ? {} : { serviceDay: ruleOf(undefined), language }),
      }),
      t('report.sectionsSaved'),
    );
  const copy = async () => {
    const ok = await copyText(format === 'text' ? out.text : out.markdown);
    setMessage({ ok, text: t(ok ? 'report.copied' : 'report.copyFailed') });
  };
  const printable = () => {
    try {
      // A page of the extension's origin that runs no script: its own policy forbids it (report/html.ts).
      const url = URL.createObjectURL(new Blob([out.html], { type: 'text/html;charset=utf-8' }));
      const win = window.open(url, '_blank');
      if (!win) throw new Error('blocked');
      win.opener = null;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setMessage({ ok: false, text: t('report.printFailed') });
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
          <option value="markdown">{t('report.markdown')}</option>
        </select>
      </div>
      <SectionSwitches choice={plan?.reportSections} busy={busy} onSwitch={switchSection} />
      <p className="muted small">
        {t('report.language', { language: language === 'zh-CN' ? '中文' : 'English' })}
        {sent ? ` · ${t('report.sentOn', { date: formatDate(sent.sentAt, tr.locale) })}` : ` · ${t('report.notSent')}`}
      </p>
      {report.bossAbsent && <p className="banner" role="note">{t('report.bossAbsent')}</p>}
      <p className="muted small">{t(edited ? 'report.edited' : 'report.draftHint')}</p>
      <textarea className="report" rows={14} aria-label={t('report.preview')} value={text} onChange={(e) => setDrafts((d) => ({ ...d, [month]: e.target.value }))} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void copy()}>{t('report.copy')}</button>
        <a className="button" href={mailtoHref(plan?.bossEmail, report.subject, out.text)} target="_blank" rel="noreferrer">{t('report.email')}</a>
        <button type="button" onClick={printable}>{t('report.print')}</button>
        {edited && <button type="button" onClick={() => setDrafts((d) => ({ ...d, [month]: report.text }))}>{t('report.regenerate')}</button>}
      </div>
      <div className="row">
        <button type="button" onClick={markSent} disabled={busy || Boolean(sent)}>{t(sent ? 'report.sent' : 'report.markSent')}</button>
        {sent && <button type="button" onClick={saveChanges} disabled={busy || !changed}>{t('report.saveChanges')}</button>}
        {sent && <button type="button" onClick={reopen} disabled={busy}>{t('report.reopen')}</button>}
      </div>
      {!plan?.bossEmail && <p className="muted small">{t('report.noBossEmail')}</p>}
      <FormMessage message={message} />
      {props.deliver?.({ subject: report.subject, text: out.text })}
    </section>
  );
}
