import type { InvolvementThresholds } from '..';
import type { Account } from '../../../data/model/account';
import type { Handover, Milestone, PromiseRecord, ServicePlan } from '../../../data/model/records';
import { HandoverChecklist } from './HandoverChecklist';
import { HandoverDecision, type Identity } from './CsmDecision';
import { IntroCard } from './IntroCard';
import type { ReactNode } from 'react';

/**
 * Sales' handover of a newly signed customer to the CSM: the checklist with
 * its completeness meter, when CS should have joined the sale, the CSM's
 * decision (accept, or send back with questions) and the CSM's introduction
 * message to the customer, with the team server's automatic welcome once accepted.
 */
export function HandoverTab({ account, handover, promises, milestones, plan, now, uiLanguage, thresholds, identity, welcome }: {
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
  /** The team server's automatic welcome, shown on the intro card once the handover is accepted (the page supplies it). */
  welcome?: ReactNode;
}) {
  const status = handover?.status ?? 'draft';
  return (
    <>
      <HandoverChecklist account={account} handover={handover} thresholds={thresholds} />
      {handover && status === 'submitted' && <HandoverDecision handover={handover} identity={identity} />}
      {handover && (status === 'submitted' || status === 'accepted') && (
        <IntroCard account={account} handover={handover} milestones={milestones} plan={plan} now={now} uiLanguage={uiLanguage}>
          {status === 'accepted' && welcome}
        </IntroCard>
      )}
    </>
  );
}
