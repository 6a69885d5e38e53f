import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/react';
import { translator } from '../../shared/i18n';
import { I18nProvider } from '../../shared/i18n/I18n';
import { parseCsv, planImport } from './import';
import { describeProblem } from './import/describe';
import { exportAccountsCsv } from '../../platform/background/transfer/accounts';
import { HealthCard } from '../health/ui/HealthCard';
import { latestReading } from '../health/current';
import { DEFAULT_HEALTH_MODEL } from '../health';
import { badKeys, csv, freshDb, importFile, LATER, NOW } from './test-helpers';

/** The median hours from a ticket's opening to its solution: a team without the server's feed types it into the accounts file. */
const EMPTY = { accounts: [], snapshots: [] };
const plan = (lines: string[]) => planImport(parseCsv(csv(lines)), EMPTY, NOW, () => 'new-id');
const HEAD = 'crm,crm_record_id,name,contract_end,health_as_of,tickets_90d,ticket_resolution_hours';
const inputsOf = (p: ReturnType<typeof plan>) => p.rows.map((r) => (r.action === 'create' ? r.snapshots[0]?.inputs : undefined));

describe('ticket_resolution_hours in an accounts file', () => {
  it('is read as the median resolution time, fractions and thousands separators included', () => {
    const p = plan([HEAD, 'hubspot,1,A,2027-01-01,2026-11-01,12,96', 'hubspot,2,B,2027-01-01,2026-11-01,3,0', 'hubspot,3,C,2027-01-01,2026-11-01,,"1,250.5"']);
    expect(p.bad).toEqual([]);
    expect(inputsOf(p)).toEqual([{ tickets90d: 12, ticketResolutionHours: 96 }, { tickets90d: 3, ticketResolutionHours: 0 }, { ticketResolutionHours: 1250.5 }]);
  });

  it('left empty means not measured: the reading simply has no such input', () => {
    const p = plan([HEAD, 'hubspot,1,A,2027-01-01,2026-11-01,12,']);
    expect(p.warnings).toEqual([]); // the column is known, only empty
    expect(inputsOf(p)).toEqual([{ tickets90d: 12 }]);
  });

  it('is found under its Chinese header, with full-width or ASCII brackets', () => {
    for (const header of ['工单解决时长（小时）', '工单解决时长(小时)', '工单解决时长']) {
      const p = plan([`CRM类型,CRM记录ID,客户名称,合同到期日,健康数据日期,${header}`, 'hubspot,1,A,2027-01-01,2026-11-01,36']);
      expect(p.warnings).toEqual([]); // an unknown header would be warned about
      expect(inputsOf(p)).toEqual([{ ticketResolutionHours: 36 }]);
    }
  });

  it('refuses a negative, a word, NaN, a unit or an endless value, naming the line and the reason in both languages', () => {
    const p = plan([HEAD, 'hubspot,1,A,2027-01-01,2026-11-01,2,-3', 'hubspot,2,B,2027-01-01,2026-11-01,2,slow', 'hubspot,3,C,2027-01-01,2026-11-01,2,NaN', 'hubspot,4,D,2027-01-01,2026-11-01,2,48h', 'hubspot,5,E,2027-01-01,2026-11-01,2,Infinity', 'hubspot,6,F,2027-01-01,2026-11-01,2,100001']);
    expect(badKeys(p)).toEqual(['2: import.reason.range', '3: import.reason.number', '4: import.reason.number', '5: import.reason.number', '6: import.reason.number', '7: import.reason.range']);
    const [negative, word] = [p.bad[0]!.problems[0]!, p.bad[1]!.problems[0]!];
    expect(describeProblem(translator('en'), negative)).toBe('ticket_resolution_hours: -3 is outside 0 to 100000.');
    expect(describeProblem(translator('zh-CN'), negative)).toBe('ticket_resolution_hours：-3 超出 0 到 100000 的范围。');
    expect(describeProblem(translator('en'), word)).toBe('ticket_resolution_hours: “slow” is not a number (write e.g. 12000.5 or 12,000.5: no units or %).');
    expect(describeProblem(translator('zh-CN'), word)).toBe('ticket_resolution_hours：“slow”不是数字（例如 12000.5 或 12,000.5：不要单位或 %）。');
    expect(p.rows).toEqual([]); // a bad row is never half-imported
  });

  it('a Chinese sheet names its own header in the reason', () => {
    const p = plan(['CRM类型,CRM记录ID,客户名称,合同到期日,健康数据日期,工单解决时长（小时）', 'hubspot,1,A,2027-01-01,2026-11-01,-1']);
    expect(describeProblem(translator('zh-CN'), p.bad[0]!.problems[0]!)).toBe('工单解决时长（小时）：-1 超出 0 到 100000 的范围。');
  });

  it('is written by export and reads back unchanged, through a database and back', async () => {
    const db = freshDb();
    await importFile(db, 'a.csv', csv([HEAD, 'hubspot,1,A,2027-01-01,2026-11-01,12,36.5', 'hubspot,2,B,2027-01-01,2026-11-01,4,']));
    const text = await exportAccountsCsv(db);
    const lines = text.split('\r\n');
    expect(lines[0]).toContain(',tickets_90d,ticket_resolution_hours,training_rate,');
    const col = lines[0]!.split(',').indexOf('ticket_resolution_hours');
    expect(lines.slice(1, 3).map((l) => l.split(',')[col])).toEqual(['36.5', '']);

    const other = freshDb();
    expect((await importFile(other, 'accounts.csv', text, LATER)).result).toEqual({ created: 2, updated: 0 });
    const snaps = await other.snapshots.toArray();
    expect(snaps.map((s) => s.inputs).sort((a, b) => (b.tickets90d ?? 0) - (a.tickets90d ?? 0))).toEqual([{ tickets90d: 12, ticketResolutionHours: 36.5 }, { tickets90d: 4 }]);
    expect(await exportAccountsCsv(other)).toBe(text);
  });

  it('makes the health card show the dimension as measured', () => {
    const p = plan([HEAD, 'hubspot,1,A,2027-01-01,2026-11-16,12,96']);
    const row = p.rows[0]!;
    if (row.action !== 'create') throw new Error('expected a new account');
    const snapshots = row.snapshots.map((s, i) => ({ ...s, id: `s${i}`, accountId: 'a', createdAt: '', updatedAt: '' }));
    const account = { ...row.account, id: 'a', createdAt: '', updatedAt: '' };
    render(<I18nProvider locale="en"><HealthCard account={account} snapshots={snapshots} latest={latestReading(snapshots, '2026-11-23')!} now={new Date(2026, 10, 23)} model={DEFAULT_HEALTH_MODEL} /></I18nProvider>);
    expect(screen.getByTestId('health-known')).toHaveTextContent('2 of 14 dimensions measured');
    expect(screen.getByText('Ticket resolution time (median, 90 days)')).toBeInTheDocument();
    expect(screen.getByText('96 h')).toBeInTheDocument();
  });
});
