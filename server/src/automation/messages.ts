import type { Account } from '../../../data/model/account';
import type { Handover, Milestone, ReportLanguage, ServicePlan } from '../../../data/model/records';
import { EmailAddressSchema, MAX_DELIVERY_TEXT, type ChannelKind } from '../../../features/channels/schemas';
import { csmIntroChat, csmIntroMessage, formatIntroDate, introInputOf } from '../../../features/handover';
import { translator } from '../../../shared/i18n';
import type { IsoDate } from '../../../shared/dates/local-date';

/**
 * What the automations send. The welcome is the CSM's introduction the panel
 * previews (features/handover/intro.ts and intro-chat.ts), from the same
 * records: the e-mail wording for an e-mail channel, the chat wording for a
 * group robot. The report reminder is a short note to the CSM.
 */
export type Outgoing = { ok: true; subject: string | null; text: string; to: string[] } | { ok: false; why: string };

/** The calendar day and hour at `now` in `timeZone`. */
export function localClock(now: Date, timeZone: string): { date: IsoDate; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** The customer's address for the welcome: the service plan's boss e-mail, else a key person's contact that is an address. */
export function customerAddress(plan: ServicePlan | undefined, handover: Handover): string | undefined {
  if (plan?.bossEmail) return plan.bossEmail;
  const people = (handover.keyPeople ?? []).filter((p) => !p.leftAt);
  const order = ['boss', 'champion', 'user', 'other'];
  people.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  return people.map((p) => p.contact?.trim()).find((c): c is string => !!c && EmailAddressSchema.safeParse(c).success);
}

export function welcomeMessage(records: {
  kind: ChannelKind; account: Account; handover: Handover; milestones: readonly Milestone[]; plan: ServicePlan | undefined;
  language: ReportLanguage; today: IsoDate;
}): Outgoing {
  const input = introInputOf({ ...records, csmFallback: translator(records.language).t('handover.yourCsm') });
  if (records.kind !== 'email') return { ok: true, subject: null, text: csmIntroChat(input), to: [] };
  const to = customerAddress(records.plan, records.handover);
  if (!to) return { ok: false, why: "no e-mail address for the customer: set the boss's e-mail on the account's service plan" };
  const mail = csmIntroMessage(input);
  if (mail.text.length > MAX_DELIVERY_TEXT) return { ok: false, why: `the introduction is ${mail.text.length} characters, more than a delivery's ${MAX_DELIVERY_TEXT}: send it from the panel` };
  return { ok: true, subject: mail.subject, text: mail.text, to: [to] };
}

export function reportReminderMessage(r: {
  kind: ChannelKind; account: Pick<Account, 'name' | 'csm'>; month: string; serviceDay: IsoDate; language: ReportLanguage; to: readonly string[] | undefined;
}): Outgoing {
  if (r.kind === 'email' && !r.to?.length) return { ok: false, why: 'an e-mail channel needs the addresses to remind: automation set report-reminder on --to a@example.com' };
  const zh = r.language === 'zh-CN';
  const day = formatIntroDate(r.serviceDay, r.language);
  const [y, m] = [Number(r.month.slice(0, 4)), Number(r.month.slice(5, 7))];
  const month = zh ? `${y}年${m}月` : `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${y}`;
  const subject = zh ? `今日应发送月度报告：${r.account.name}（${month}）` : `Monthly report due today: ${r.account.name} (${month})`;
  const who = r.account.csm ? (zh ? `${r.account.csm}，` : `${r.account.csm}, `) : '';
  const text = zh
    ? `${who}今天（${day}）是${r.account.name}的服务日，${month}的月度报告今天应发给客户。请在 Account Lens 面板的“服务”页生成报告，发送后记为已发送。`
    : `${who}today (${day}) is ${r.account.name}'s service day: the ${month} monthly report is due to the customer today. Write it in the Account Lens panel's Service tab and mark it sent once it is out.`;
  return { ok: true, subject: r.kind === 'email' ? subject : null, text: r.kind === 'email' ? text : `${subject}\n${text}`, to: r.kind === 'email' ? [...r.to!] : [] };
}
