/**
 * The sections of the monthly report. The report goes to the customer's boss,
 * so by default it carries only what is about the customer: what we did
 * together, their outcomes, their usage, their requests and the next month.
 * Our internal signals (health band and score, the renewal countdown and
 * conversations, risk labels on their requests) are for us: off unless the
 * CSM switches them on for this account. The choice is kept on the account's
 * service plan (`reportSections`).
 */
export const CUSTOMER_SECTIONS = ['together', 'outcomes', 'usage', 'requests', 'nextMonth'] as const;
export const INTERNAL_SECTIONS = ['health', 'renewal', 'risks'] as const;
export const REPORT_SECTIONS = [...CUSTOMER_SECTIONS, ...INTERNAL_SECTIONS] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export type SectionChoice = Readonly<Partial<Record<string, boolean>>>;

const INTERNAL: ReadonlySet<string> = new Set(INTERNAL_SECTIONS);

export const isInternal = (s: ReportSection): boolean => INTERNAL.has(s);

/** Whether a section is on: the account's choice when it made one, else on for the customer's sections and off for ours. */
export function sectionOn(choice: SectionChoice | undefined, s: ReportSection): boolean {
  const chosen = choice?.[s];
  return typeof chosen === 'boolean' ? chosen : !isInternal(s);
}

/** The sections that are on, in report order. */
export function sectionsOn(choice: SectionChoice | undefined): Set<ReportSection> {
  return new Set(REPORT_SECTIONS.filter((s) => sectionOn(choice, s)));
}

/** The stored choice with one section switched; keys this version does not know are kept as they were. */
export function withSection(choice: SectionChoice | undefined, s: ReportSection, on: boolean): Record<string, boolean> {
  const next: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(choice ?? {})) if (typeof v === 'boolean') next[k] = v;
  next[s] = on;
  return next;
}
