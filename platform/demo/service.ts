import { addDays, type IsoDate } from '../../shared/dates/local-date';
import { dayIndex } from '../../shared/dates/week';
import type { Account } from '../../data/model/account';
import type { ExpectationNote, Handover, MonthlyReport, PromiseRecord, ServicePlan, ServiceVisit } from '../../data/model/records';
import { DEFAULT_SERVICE_DAY } from '../../data/model/records';
import { addMonths, monthOf, serviceDayIn } from '../../shared/dates/calendar';
import { DEFAULT_CHECKLIST } from '../../features/service/settings';
import type { Band } from '../../data/model/common';
import { demoScoreTarget } from './accounts';

/**
 * The demo book's service history, dated from `today`: a service plan per
 * account, monthly visits for most of the last five months (every fifth
 * account skips months, so missed months show), reports for most visited
 * months, promises with risks, expectation notes, and handovers for the
 * newest customers. Service follows health, as it does in real books: the
 * CSM's read at each visit matches the account's band, and red accounts have
 * had no visit for five months, never see the boss and get no reports.
 */
export interface DemoServiceRecords {
  plans: ServicePlan[];
  visits: ServiceVisit[];
  reports: MonthlyReport[];
  promises: PromiseRecord[];
  notes: ExpectationNote[];
  handovers: Handover[];
}

const ALL_ITEMS = Object.values(DEFAULT_CHECKLIST).flat().map((i) => i.id);

/**
 * The demo's "touchpoint overdue" account (Acme Analytics, see scenarios.ts):
 * nobody has been in touch since its 60-day renewal touchpoint came due. Its
 * visits stop the day before, or else a monthly visit falling in that window
 * would keep the touchpoint on some days of the month and not on others.
 */
const QUIET_SINCE_TOUCHPOINT: Readonly<Record<string, number>> = { 'demo-001': 60 };
const isChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);
const READ_REASONS: Record<Band, [string, string]> = {
  green: ['The boss is pleased with the rollout', '老板对上线进度满意'],
  yellow: ['Adoption is slower than the team hoped', '使用推进比团队预期慢'],
  red: ['The boss skipped the review again; the team is frustrated', '老板又缺席复盘，团队有不满'],
};

export function demoServiceRecords(accounts: readonly Account[], today: IsoDate, stamp: string): DemoServiceRecords {
  const out: DemoServiceRecords = { plans: [], visits: [], reports: [], promises: [], notes: [], handovers: [] };
  const base = { createdAt: stamp, updatedAt: stamp };
  accounts.forEach((a, i) => {
    const zh = isChinese(a.name);
    const w = (en: string, cn: string) => (zh ? cn : en);
    const rule = i % 4 === 1 ? ({ kind: 'day_of_month', day: 25 } as const) : DEFAULT_SERVICE_DAY;
    out.plans.push({
      id: `plan:${a.id}`, accountId: a.id, ...base, serviceDay: rule, language: zh ? 'zh-CN' : 'en',
      bossName: w(['Dana Whitfield', 'Omar Haddad', 'Grace Liu', 'Henrik Berg'][i % 4]!, ['周总', '刘总', '吴总', '郑总'][i % 4]!),
      bossEmail: `boss${i + 1}@example.com`,
    });

    const signed = a.signedAt ?? a.contractStart;
    const quiet = QUIET_SINCE_TOUCHPOINT[a.id];
    const quietFrom = quiet !== undefined && a.contractEnd ? addDays(a.contractEnd, -quiet) : undefined;
    const target = demoScoreTarget(i);
    const read: Band = target >= 70 ? 'green' : target >= 40 ? 'yellow' : 'red';
    const struggling = read === 'red';
    for (let back = 5; back >= 0; back--) {
      const month = addMonths(monthOf(today), -back);
      const day = serviceDayIn(rule, month);
      if (day > today || (signed && day < signed) || (quietFrom && day >= quietFrom)) continue;
      // Every fifth account misses its last two months; others visit every month.
      if (i % 5 === 4 && back <= 2) continue;
      if (struggling && back <= 4) continue;
      const bossMet = !struggling && (i + back) % 3 !== 0;
      // Half the yellow accounts were green a few months ago: the read's trend shows.
      const band: Band = read === 'yellow' && back >= 2 && i % 2 === 0 ? 'green' : read;
      const visitId = `demo-visit-${a.id}-${month}`;
      const recent = back <= 1;
      out.visits.push({
        id: visitId, accountId: a.id, ...base, date: day, durationMin: 60,
        attendees: zh ? ['王经理', '赵主管', ...(bossMet ? ['老板'] : [])] : ['Ops lead', 'Analyst', ...(bossMet ? ['Boss'] : [])],
        bossMet,
        checklistDone: ALL_ITEMS.filter((id) => bossMet || (!id.startsWith('boss.') && !(struggling && id === 'after.bossSummary'))),
        notes: w('Adoption steady; the team asked for a dashboard training session.', '使用情况稳定；团队希望安排一次报表培训。'),
        followUps: recent && i % 3 === 0 ? [{ text: w('Schedule dashboard training', '安排报表培训'), dueDate: addDays(day, 10) }] : [],
        sentiment: { band, reason: w(...READ_REASONS[band]) },
      });
      // The latest visited month has no report yet for every third account.
      if (!struggling && !(back <= 1 && i % 3 === 2))
        out.reports.push({ id: `report:${a.id}:${month}`, accountId: a.id, ...base, month, language: zh ? 'zh-CN' : 'en', sentAt: addDays(day, 2) });
    }

    if (i % 2 === 0) {
      const promisedAt = signed ?? addDays(today, -300);
      out.promises.push(
        { id: `demo-promise-${a.id}-1`, accountId: a.id, ...base, text: w('Single sign-on with the customer’s identity provider', '与客户身份系统打通单点登录'),
          promisedBy: a.owner, promisedAt, deliverable: 'yes', dueDate: addDays(promisedAt, 90), status: 'kept' },
        { id: `demo-promise-${a.id}-2`, accountId: a.id, ...base, text: w('Weekly usage report for the boss', '每周给老板的使用报告'),
          promisedBy: a.owner, promisedAt, deliverable: i % 4 === 0 ? 'no' : 'partly', dueDate: addDays(today, 30), status: 'open' },
      );
      if (i % 8 === 0)
        out.promises.push({ id: `demo-promise-${a.id}-3`, accountId: a.id, ...base, text: w('Data migration from the old system', '旧系统数据迁移'),
          promisedBy: a.owner, promisedAt, deliverable: 'yes', dueDate: addDays(today, -14), status: 'open' });
    }

    if (signed && i % 3 !== 1)
      out.notes.push({ id: `demo-note-${a.id}-reset`, accountId: a.id, ...base, kind: 'short_term_reset', audience: 'business_team',
        text: w('Same goal, honest about the effort: full rollout takes two quarters.', '目标不变，坦诚投入：全面上线需要两个季度。'), doneAt: addDays(signed, 20) > today ? today : addDays(signed, 20) });

    // Half the book reviewed long-term value with the boss last month; the rest are due a review.
    if (i % 2 === 0 && !struggling && (!signed || signed <= addDays(today, -40)))
      out.notes.push({ id: `demo-note-${a.id}-value`, accountId: a.id, ...base, kind: 'long_term_value', audience: 'boss',
        text: w('Reviewed the year’s goals: on track for the second-quarter rollout.', '回顾年度目标：按计划推进第二季度上线。'), doneAt: addDays(today, -40) });

    // The newest customers (signed within 60 days) have a handover: one submitted, the others drafts from the toolbar.
    if (signed && dayIndex(today) - dayIndex(signed) <= 60 && dayIndex(signed) <= dayIndex(today)) {
      const submitted = i % 2 === 1;
      out.handovers.push({
        id: `handover:${a.id}`, accountId: a.id, ...base, status: submitted ? 'submitted' : 'draft', origin: submitted ? 'full' : 'quick', author: a.owner,
        bought: { products: w('Pro plan', '专业版'), ...(submitted ? { seats: 80, termMonths: 12, value: a.arr ?? 60_000 } : {}) },
        outcomes: [w('Quotes out in 1 day instead of 3', '报价时间从 3 天缩短到 1 天')],
        promises: [w('Weekly usage report for the boss', '每周给老板的使用报告')],
        ...(submitted
          ? {
              basics: { industry: w('Manufacturing', '制造业'), size: '800', locations: w('Shanghai, Munich', '上海、慕尼黑') },
              technical: w('SSO via Azure AD; nightly ERP export', '通过 Azure AD 单点登录；每晚导出 ERP 数据'),
              keyPeople: [{ role: 'boss' as const, name: w('Dana Whitfield', '周总'), contact: `boss${i + 1}@example.com` }, { role: 'champion' as const, name: w('Lee Park', '小林') }],
              fitRisks: [w('Two business units with different processes', '两个事业部流程不同')],
              salesCycleDays: 75, implementationWeeks: 6, submittedAt: stamp,
            }
          : {}),
      });
    }
  });
  return out;
}
