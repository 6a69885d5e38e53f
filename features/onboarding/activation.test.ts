import { HealthSnapshotSchema, MilestoneSchema, type HealthSnapshot, type Milestone } from '../../data/model/records';
import { translator } from '../../shared/i18n';
import { activation, keyActionTick } from './activation';
import { DEFAULT_ONBOARDING, milestonesFor, ONBOARDING_TEMPLATE, templateFor, validTemplates, type KeyAction, type OnboardingTemplates } from './template';
import { parseTemplateText, templateText } from './template-text';
import { evaluateBook } from '../book';
import { DEFAULT_HEALTH_MODEL } from '../health/model';
import { DEFAULT_RENEWAL_SETTINGS } from '../renewal/settings';
import { DEFAULT_SERVICE_SETTINGS } from '../service/settings';
import type { Account } from '../../data/model/account';

const T = '2026-09-01T09:00:00.000Z';
const SIGNED = '2026-09-01'; // day 90 is 2026-11-30
const WEEKLY: KeyAction = { name: 'Save a report', event: 'report.created', timesPerWeek: 1, weeks: 4 };
const reading = (asOf: string, weeksDone: number, event = 'report.created', weeks = 4): HealthSnapshot => ({
  id: `s-${asOf}`, accountId: 'acc-1', createdAt: T, updatedAt: T, asOf, inputs: {}, usage: { keyAction: { event, weeksDone, weeks } },
});
const tick = (doneAt: string, patch: Partial<Milestone> = {}): Milestone => ({ ...keyActionTick('acc-1', SIGNED, doneAt), createdAt: T, updatedAt: T, ...patch });
const at = (today: string, snapshots: HealthSnapshot[] = [], milestones: Milestone[] = [], keyAction = WEEKLY) =>
  activation({ keyAction, snapshots, milestones, signedAt: SIGNED, today });

describe('activation within the 90 days (the 90/10 rule)', () => {
  it('is activated on the first reading in the window with every week done, and says so from then on', () => {
    const run = [reading('2026-09-22', 2), reading('2026-09-29', 4), reading('2026-10-06', 3)];
    expect(at('2026-09-28', run)).toEqual({ state: 'not_yet', weeksDone: 2, weeks: 4, daysLeft: 63 });
    expect(at('2026-09-29', run)).toEqual({ state: 'activated', via: 'usage', on: '2026-09-29' });
    // A later, weaker week does not take the activation back; it is still activated after the window.
    expect(at('2027-01-10', run)).toEqual({ state: 'activated', via: 'usage', on: '2026-09-29' });
  });

  it('counts only readings of the template’s event, and any event when the template names none', () => {
    const other = [reading('2026-10-06', 4, 'login')];
    expect(at('2026-10-10', other).state).toBe('not_yet');
    expect(at('2026-10-10', other, [], { timesPerWeek: 1, weeks: 4 })).toEqual({ state: 'activated', via: 'usage', on: '2026-10-06' });
    // A template asking for six weeks is not met by four.
    expect(at('2026-10-10', [reading('2026-10-06', 4)], [], { ...WEEKLY, weeks: 6 })).toEqual({ state: 'not_yet', weeksDone: 4, weeks: 6, daysLeft: 51 });
  });

  it('ignores readings before signing, after day 89 and deleted ones: the window closes as missed', () => {
    const outside = [reading('2026-08-31', 4), reading('2026-11-30', 4), { ...reading('2026-10-01', 4), deleted: true }];
    expect(at('2026-11-29', outside)).toEqual({ state: 'not_yet', weeks: 4, daysLeft: 1 });
    expect(at('2026-11-30', outside)).toEqual({ state: 'missed', weeks: 4 });
    expect(at('2026-12-05', [reading('2026-11-29', 1)])).toEqual({ state: 'missed', weeksDone: 1, weeks: 4 });
  });

  it('takes the CSM’s tick within the window when there is no usage data, and the earlier of tick and reading', () => {
    expect(at('2026-10-20', [], [tick('2026-10-15')])).toEqual({ state: 'activated', via: 'tick', on: '2026-10-15' });
    expect(at('2026-10-20', [reading('2026-10-13', 4)], [tick('2026-10-15')])).toEqual({ state: 'activated', via: 'usage', on: '2026-10-13' });
    expect(at('2026-10-20', [], [tick('2026-10-15', { deleted: true })]).state).toBe('not_yet');
    expect(at('2026-12-20', [], [tick('2026-12-01')]).state).toBe('missed'); // ticked after day 89
    expect(at('2026-08-20')).toEqual({ state: 'not_yet', weeks: 4, daysLeft: 90 }); // before signing
  });

  it('writes the tick as a valid milestone, due on the last day of the window', () => {
    const m = tick('2026-10-15');
    expect(MilestoneSchema.parse(m)).toEqual(m);
    expect([m.id, m.key, m.dueDate, m.doneAt]).toEqual(['ms:acc-1:key_action', 'key_action', '2026-11-29', '2026-10-15']);
  });

  it('keeps the key action of a usage reading through the record schema', () => {
    const r = reading('2026-10-13', 4);
    // The end users' counts are kept beside it; what the panel does not use is dropped.
    expect(HealthSnapshotSchema.parse({ ...r, usage: { ...r.usage, activeUsers: 3, coreEventsUsed: ['report.created'] } })).toEqual({ ...r, usage: { ...r.usage, activeUsers: 3 } });
  });
});

describe('onboarding templates per segment', () => {
  const smb = { milestones: [{ key: 'kick_off', dueDays: 3, needsOtherTeam: false }], keyAction: { name: 'Send an invoice', timesPerWeek: 2, weeks: 3 } };

  it('uses the segment’s own template, else the team default, else the built-in one', () => {
    const teamDefault = { milestones: [{ key: 'go_live', dueDays: 20, needsOtherTeam: true, title: 'Go live' }] };
    const templates: OnboardingTemplates = { smb, default: teamDefault };
    expect(templateFor(templates, 'smb')).toBe(smb);
    expect(templateFor(templates, 'enterprise')).toBe(teamDefault);
    expect(templateFor(templates, undefined)).toBe(teamDefault);
    expect(templateFor({ smb }, 'enterprise')).toBe(DEFAULT_ONBOARDING);
    expect(DEFAULT_ONBOARDING.milestones.map((m) => m.dueDays)).toEqual([7, 30, 45, 60]);
    expect(milestonesFor('acc-1', SIGNED, templateFor(templates, 'mid_market').milestones)).toEqual([
      { id: 'ms:acc-1:go_live', accountId: 'acc-1', key: 'go_live', title: 'Go live', dueDate: '2026-09-21' },
    ]);
  });

  it('keeps every stored template that is valid and names the others', () => {
    expect(validTemplates(null)).toEqual({ templates: {}, unreadable: [] });
    expect(validTemplates('x')).toEqual({ templates: {}, unreadable: ['*'] });
    const { templates, unreadable } = validTemplates({ smb, enterprise: { milestones: [] }, mid_market: { milestones: [{ key: 'a', dueDays: -1, needsOtherTeam: false }] }, retired: smb });
    expect(templates).toEqual({ smb });
    expect(unreadable).toEqual(['enterprise', 'mid_market']);
  });

  it('reads and writes the milestone lines, in either language, refusing bad lines with their number', () => {
    const en = translator('en');
    const zh = translator('zh-CN');
    expect(templateText(ONBOARDING_TEMPLATE, en)).toBe('7 | Kick-off\n30 | Workshop reaching 60% implementation | *\n45 | Key users trained on the key action\n60 | First value reached');
    expect(parseTemplateText(templateText(ONBOARDING_TEMPLATE, zh))).toEqual({ milestones: [...ONBOARDING_TEMPLATE] });
    const custom = parseTemplateText('\n10 | Data imported | *\n 50｜First monthly close ');
    expect(custom).toEqual({ milestones: [
      { key: expect.stringMatching(/^custom_[0-9a-f]{8}$/), dueDays: 10, needsOtherTeam: true, title: 'Data imported' },
      { key: expect.stringMatching(/^custom_[0-9a-f]{8}$/), dueDays: 50, needsOtherTeam: false, title: 'First monthly close' },
    ] });
    expect(parseTemplateText('10 | Data imported')).toEqual(parseTemplateText('10 | Data imported')); // the same title, the same key
    expect(parseTemplateText('7 | Kick-off\nten | Go live')).toEqual({ problem: 'line', line: 2 });
    expect(parseTemplateText('400 | Late')).toEqual({ problem: 'line', line: 1 });
    expect(parseTemplateText('7 | A | yes')).toEqual({ problem: 'line', line: 1 });
    expect(parseTemplateText(' \n')).toEqual({ problem: 'empty' });
    expect(parseTemplateText('7 | Kick-off\n9 | 启动会')).toEqual({ problem: 'duplicate' });
    expect(parseTemplateText(Array.from({ length: 21 }, (_, i) => `${i} | M${i}`).join('\n'))).toEqual({ problem: 'tooMany' });
  });

  it('raises a segment template’s overdue milestone with that template’s need for another team', () => {
    const base = { crm: 'salesforce', recordId: 'r', name: 'A', contractEnd: '2027-09-01', signedAt: SIGNED, csm: 'Cleo', source: 'import', createdAt: T, updatedAt: T } as const;
    const accounts: Account[] = [{ ...base, id: 'a-smb', segment: 'smb' }, { ...base, id: 'a-ent', segment: 'enterprise' }];
    const goLive = { key: 'go_live', dueDays: 20, needsOtherTeam: true, title: 'Go live' };
    const milestones = accounts.flatMap((a) => milestonesFor(a.id, SIGNED, [goLive]).map((m) => ({ ...m, createdAt: T, updatedAt: T })));
    const tables = { accounts, milestones, snapshots: [], outcomes: [], ctas: [], visits: [], notes: [], plans: [], reports: [] };
    const settings = { model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, service: DEFAULT_SERVICE_SETTINGS, onboarding: { smb: { milestones: [goLive] } } };
    const raised = evaluateBook(tables, settings, '2026-10-01').verdicts.flatMap((v) => v.create.filter((d) => d.source === 'onboarding'));
    expect(raised.map((d) => [d.accountId, d.needsOtherTeam])).toEqual([['a-smb', true], ['a-ent', false]]);
  });
});
