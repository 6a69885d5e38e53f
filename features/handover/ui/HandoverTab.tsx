import { useState } from 'react';
import { localDate } from '../../../shared/dates/local-date';
import { csmIntroMessage, type InvolvementThresholds } from '..';
import type { Account } from '../../../data/model/account';
import type { Handover, Milestone, PromiseRecord, ServicePlan } from '../../../data/model/records';
import { nextServiceDay, ruleOf } from '../../../shared/dates/calendar';
import { copyText } from '../../../shared/ui/copy';
import { useTr } from '../../../shared/i18n/I18n';
import { FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import { HandoverChecklist } from './HandoverChecklist';
import { HandoverDecision, type Identity } from './CsmDecision';

/**
 * Sales' handover of a newly signed customer to the CSM: the checklist with
 * its completeness meter, when CS should have joined the sale, the CSM's
 * decision (accept, or send back with questions) and the CSM's introduction
 * message to the customer.
 */
export function HandoverTab({ account, handover, promises, milestones, plan, now, uiLanguage, thresholds, identity }: {
  account: Account;
  handover: Handover | undefined;
  promises: PromiseRecord[];
  milestones: Milestone[];
  plan: ServicePlan | undefined;
  now: Date;
  uiLanguage: 'en' | 'zh-CN';
  thresholds?: InvolvementThresholds;
  /** Who the team server says the user is: a salesperson is not offered the CSM's decision. */
  identity?: Identity;
}) {
  const status = handover?.status ?? 'draft';
  return (
    <>
      <HandoverChecklist account={account} handover={handover} thresholds={thresholds} />
      {handover && status === 'submitted' && <HandoverDecision handover={handover} identity={identity} />}
      {handover && (status === 'submitted' || status === 'accepted') && (
        <IntroCard account={account} handover={handover} milestones={milestones} plan={plan} now={now} uiLanguage={uiLanguage} />
      )}
    </>
  );
}

function IntroCard({ account, handover, milestones, plan, now, uiLanguage }: {
  account: Account; handover: Handover; milestones: Milestone[]; plan: ServicePlan | undefined; now: Date; uiLanguage: 'en' | 'zh-CN';
}) {
  const { t } = useTr();
  const language = plan?.language ?? uiLanguage;
  const [message, setMessage] = useState<FormNote>(null);
  const today = localDate(now);
  const step = (en: string, zh: string) => (language === 'zh-CN' ? zh : en);
  const kickOff = milestones.find((m) => m.key === 'kick_off' && !m.doneAt && !m.deleted);
  const boss = handover.keyPeople?.find((p) => p.role === 'boss');
  const nextSteps = [
    ...(kickOff ? [{ text: step('Kick-off meeting', '项目启动会'), date: kickOff.dueDate }] : []),
    { text: step('Our first monthly service day', '第一次月度服务日'), date: nextServiceDay(ruleOf(plan), today) },
  ];
  const intro = csmIntroMessage({
    language,
    customerName: account.name,
    ...(boss ? { contactName: boss.name } : {}),
    csmName: account.csm ?? t('handover.yourCsm'),
    ...(account.owner ? { salesName: account.owner } : {}),
    ...(handover.bought?.products ? { products: handover.bought.products } : {}),
    nextSteps,
  });
  const copy = async () => {
    const ok = await copyText(`${intro.subject}\n\n${intro.text}`);
    setMessage({ ok, text: t(ok ? 'report.copied' : 'report.copyFailed') });
  };
  return (
    <section className="card" aria-labelledby="intro-title">
      <h2 id="intro-title">{t('intro.title')}</h2>
      <p className="muted small">{t('intro.hint')}</p>
      <textarea className="report" readOnly rows={10} aria-label={t('intro.preview')} value={`${intro.subject}\n\n${intro.text}`} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void copy()}>{t('intro.copy')}</button>
      </div>
      <FormMessage message={message} />
    </section>
  );
}
