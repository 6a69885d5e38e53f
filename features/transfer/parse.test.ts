import { readFileSync } from 'node:fs';
import { parseCsv, parseJson } from './import';
import { detectDelimiter } from './import/csv';
import { parseImportFile } from './import';
import { csv } from './test-helpers';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');

describe('CSV parsing', () => {
  it('reads a semicolon file with a BOM, CRLF and Chinese headers', () => {
    const text = fixture('zh-semicolon-bom.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const file = parseCsv(text);
    expect(file.error).toBeUndefined();
    expect(file.labels).toMatchObject({ name: '客户名称', crm: 'CRM类型', crm_record_id: '记录ID', contract_end: '合同到期日', nps: 'NPS' });
    expect(file.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(file.rows[0]!.cells).toMatchObject({ name: '上海云帆科技', crm: 'salesforce', arr: '60000', nps: '-20', owner: '李娜' });
    expect(file.rows[1]!.cells.name).toBe('北京华信咨询；分公司');
    expect(file.warnings).toEqual([]);
  });

  it('gives the physical line where each record starts, across quoted newlines (CRLF and LF)', () => {
    const file = parseCsv(fixture('quoted-newlines-crlf.csv'));
    expect(file.rows.map((r) => r.line)).toEqual([2, 5, 7]);
    expect(file.rows[0]!.cells.name).toBe('Acme\r\nAnalytics, Inc.');
    expect(file.rows[1]!.cells.name).toBe('Line\nbreaks "quoted"');
  });

  it('skips blank lines and rows of empty cells anywhere, and counts them for later lines', () => {
    const file = parseCsv(csv(['crm,crm_record_id,name,contract_end', '', 'hubspot,1,A,2027-01-01', ',,,', '   ', 'hubspot,2,B,2027-01-01', '', '']));
    expect(file.rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(detectDelimiter('"x;y",b,c\r\n')).toBe(',');
  });

  it('matches headers case-insensitively, trimmed, with spaces or hyphens for underscores', () => {
    const file = parseCsv(csv([' CRM , Record ID ,Account Name,Contract-End , 客户成功经理 ', 'hubspot,1,A,2027-01-01,张伟']));
    expect(file.error).toBeUndefined();
    expect(file.rows[0]!.cells).toEqual({ crm: 'hubspot', crm_record_id: '1', name: 'A', contract_end: '2027-01-01', csm: '张伟' });
  });

  it('lists unknown columns as a warning and ignores their cells', () => {
    const file = parseCsv(csv(['crm,crm_record_id,name,contract_end,Region,Notes', 'hubspot,1,A,2027-01-01,EMEA,hi']));
    expect(file.warnings).toEqual([{ key: 'import.warn.unknownColumns_other', params: { n: 2, columns: 'Region, Notes' } }]);
    expect(Object.keys(file.rows[0]!.cells)).not.toContain('Region');
  });

  it('refuses a file without the required columns, naming them', () => {
    const file = parseCsv(csv(['name,owner', 'A,B']));
    expect(file.error).toEqual({ key: 'import.file.missingColumns', params: { columns: 'crm, crm_record_id, contract_end' } });
    expect(file.rows).toEqual([]);
    expect(parseCsv('%PDF-1.7\n\u0000\u0001binary').error?.key).toBe('import.file.missingColumns');
  });

  it('refuses empty files, header-only files, two headers for one column, and GBK text', () => {
    expect(parseCsv('').error?.key).toBe('import.file.empty');
    expect(parseCsv('\uFEFF\r\n\r\n').error?.key).toBe('import.file.empty');
    expect(parseCsv('crm,crm_record_id,name,contract_end\r\n\r\n').error?.key).toBe('import.file.noRows');
    expect(parseCsv(csv(['crm,crm_record_id,name,客户名称,contract_end', 'hubspot,1,A,B,2027-01-01'])).error).toEqual({
      key: 'import.file.duplicateColumn', params: { first: 'name', second: '客户名称' },
    });
    expect(parseCsv('\uFFFD\uFFFD\uFFFD,crm\n1,2\n').error?.key).toBe('import.file.notUtf8');
  });

  it('flags an unclosed quote and extra cells on the row where they start', () => {
    const file = parseCsv(csv(['crm,crm_record_id,name,contract_end', 'hubspot,1,A,2027-01-01,surplus', 'hubspot,2,A,2027-01-01,,', 'hubspot,3,"never closed,2027-01-01', 'hubspot,4,D,2027-01-01']));
    expect(file.rows[0]!.problems).toEqual([{ key: 'import.reason.extraCells', params: { n: 5, m: 4 } }]);
    expect(file.rows[1]!.problems).toBeUndefined(); // trailing empty cells are harmless
    expect(file.rows[2]).toMatchObject({ line: 4, problems: [{ key: 'import.reason.unclosedQuote' }] });
  });

  it('chooses CSV or JSON by name, else by content', () => {
    expect(parseImportFile('a.json', '[]').kind).toBe('json');
    expect(parseImportFile('export', '  {"format":"x"}').kind).toBe('json');
    expect(parseImportFile('a.CSV', '[x],crm').kind).toBe('csv');
  });
});

describe('JSON parsing', () => {
  it('reads an array of objects keyed like the columns (aliases too), numbers as numbers', () => {
    const file = parseJson(JSON.stringify([{ crm: 'hubspot', crm_record_id: 7, 客户名称: 'A', contract_end: '2027-01-01', arr: 1200, region: 'x' }]));
    expect(file.kind).toBe('json');
    expect(file.rows[0]).toEqual({ line: 1, cells: { crm: 'hubspot', crm_record_id: 7, name: 'A', contract_end: '2027-01-01', arr: 1200 } });
    expect(file.warnings[0]).toMatchObject({ key: 'import.warn.unknownColumns_one', params: { columns: 'region' } });
  });

  it('refuses broken JSON, other shapes, other versions of the export format', () => {
    expect(parseJson('{').error?.key).toBe('import.file.badJson');
    expect(parseJson('{"a":1}').error?.key).toBe('import.file.jsonShape');
    expect(parseJson('[]').error?.key).toBe('import.file.noRows');
    expect(parseJson('[{"x":1}]').error?.key).toBe('import.file.missingColumns');
    expect(parseJson('{"format":"account-lens-export","version":2,"tables":{}}').error).toEqual({
      key: 'import.file.exportVersion', params: { version: '2', supported: 1 },
    });
  });

  it('marks items that are not objects, by item number', () => {
    const file = parseJson('[{"crm":"hubspot","crm_record_id":"1","name":"A","contract_end":"2027-01-01"}, 5]');
    expect(file.rows[1]).toEqual({ line: 2, cells: {}, problems: [{ key: 'import.reason.notObject' }] });
  });
});
