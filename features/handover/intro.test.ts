import { csmIntroMessage, formatIntroDate, singleLine, type IntroInput } from './intro';

const EN: IntroInput = {
  language: 'en',
  customerName: 'Acme Tools',
  contactName: 'Anna Becker',
  csmName: 'Cleo Park',
  csmContact: 'cleo.park@example.com',
  salesName: 'Tom Reyes',
  products: 'Analytics Pro',
  nextSteps: [
    { text: 'Kick-off call', date: '2026-11-23' },
    { text: 'First monthly service day', date: '2026-12-25' },
  ],
};
const ZH: IntroInput = {
  language: 'zh-CN',
  customerName: '苏州精工机械有限公司',
  contactName: '王总',
  csmName: '张伟',
  csmContact: '138 0000 0000',
  salesName: '李明',
  products: '数据分析专业版',
  nextSteps: [
    { text: '项目启动会', date: '2026-11-23' },
    { text: '首次月度服务日', date: '2026-12-25' },
  ],
};

describe('formatIntroDate', () => {
  it('writes dates the way each language reads them, without leading zeros', () => {
    expect(formatIntroDate('2026-11-23', 'en')).toBe('23 Nov 2026');
    expect(formatIntroDate('2026-11-23', 'zh-CN')).toBe('2026年11月23日');
    expect(formatIntroDate('2027-01-05', 'en')).toBe('5 Jan 2027');
    expect(formatIntroDate('2027-01-05', 'zh-CN')).toBe('2027年1月5日');
  });
  it('gives nothing for text that is not a calendar date', () => {
    expect(formatIntroDate('2026-02-30', 'en')).toBe('');
    expect(formatIntroDate('23/11/2026', 'zh-CN')).toBe('');
    expect(formatIntroDate(undefined, 'en')).toBe('');
  });
});

describe('singleLine', () => {
  it('collapses line breaks, tabs and control characters to single spaces and trims', () => {
    expect(singleLine('  Anna\r\n\tBecker\u0000\u0007  ')).toBe('Anna Becker');
    expect(singleLine('A\u2028B\u2029C\u0085D')).toBe('A B C D');
    expect(singleLine('evil\u202Etxt.exe')).toBe('eviltxt.exe');
    expect(singleLine(undefined)).toBe('');
  });
});

describe('csmIntroMessage', () => {
  it('writes the English introduction from the CSM, with the sales contact and numbered, dated next steps', () => {
    const m = csmIntroMessage(EN);
    expect(m.subject).toBe('Acme Tools: meet Cleo Park, your Customer Success Manager');
    expect(m.text).toBe(
      [
        'Dear Anna Becker,',
        'Thank you for choosing us, and welcome aboard! My name is Cleo Park, and I am the Customer Success Manager for Acme Tools. From today I am your main point of contact, and my job is to make sure your team gets the results you expect from Analytics Pro.',
        'You met Tom Reyes during the purchase. Tom Reyes has shared with me what you discussed, so we can pick up right where you left off.',
        'Here is what comes next:\n1. Kick-off call (23 Nov 2026)\n2. First monthly service day (25 Dec 2026)',
        'If you have any questions, simply reply to this message or reach me at cleo.park@example.com. I look forward to working with you.',
        'Best regards,\nCleo Park\nCustomer Success Manager\ncleo.park@example.com',
      ].join('\n\n'),
    );
  });

  it('writes the Chinese introduction as a Chinese CSM would', () => {
    const m = csmIntroMessage(ZH);
    expect(m.subject).toBe('苏州精工机械有限公司：您的客户成功经理张伟向您问好');
    expect(m.text).toBe(
      [
        '王总，您好！',
        '我是贵司的客户成功经理张伟，首先感谢苏州精工机械有限公司的信任与选择！今后我将作为您的主要对接人，协助贵司用好数据分析专业版，确保达成预期的业务成效。',
        '在采购过程中，您已经与李明有过沟通。李明已经和我同步了前期的沟通情况，我们会在此基础上继续推进，您无需重复说明。',
        '接下来的安排如下：\n1. 项目启动会（2026年11月23日）\n2. 首次月度服务日（2026年12月25日）',
        '如有任何问题，欢迎随时回复本邮件，或通过 138 0000 0000 与我联系。期待与您的合作！',
        '祝商祺！\n张伟\n客户成功经理\n联系方式：138 0000 0000',
      ].join('\n\n'),
    );
  });

  it('proposes a kick-off call when no next steps are given, in both languages', () => {
    const en = csmIntroMessage({ ...EN, nextSteps: [] }).text;
    expect(en).toContain('As a first step, I would like to propose a short kick-off call');
    expect(en).not.toContain('Here is what comes next');
    const zh = csmIntroMessage({ ...ZH, nextSteps: [{ text: '  ' }] }).text;
    expect(zh).toContain('作为第一步，我想和您约一次简短的启动会');
    expect(zh).not.toContain('接下来的安排');
  });

  it('numbers only the steps with text, and leaves out missing or invalid dates', () => {
    const steps = [{ text: '' }, { text: 'Kick-off call', date: '2026-11-23' }, { text: 'Admin training' }, { text: 'Go-live review', date: '2026-13-01' }];
    expect(csmIntroMessage({ ...EN, nextSteps: steps }).text).toContain(
      'Here is what comes next:\n1. Kick-off call (23 Nov 2026)\n2. Admin training\n3. Go-live review\n\n',
    );
    expect(csmIntroMessage({ ...ZH, nextSteps: steps }).text).toContain('接下来的安排如下：\n1. Kick-off call（2026年11月23日）\n2. Admin training\n3. Go-live review\n\n');
  });

  it('greets generically and drops the optional sentences when their values are absent', () => {
    const en = csmIntroMessage({ language: 'en', customerName: 'Acme Tools', csmName: 'Cleo Park', nextSteps: [] }).text;
    expect(en.startsWith('Dear Acme Tools team,\n\n')).toBe(true);
    expect(en).toContain('make sure your team gets the results you expect from what you have bought.');
    expect(en).not.toContain('You met');
    expect(en).toContain('If you have any questions, simply reply to this message. I look forward');
    expect(en.endsWith('Best regards,\nCleo Park\nCustomer Success Manager')).toBe(true);

    const zh = csmIntroMessage({ language: 'zh-CN', customerName: '苏州精工', contactName: ' \n ', csmName: '张伟', nextSteps: [] }).text;
    expect(zh.startsWith('您好！\n\n我是贵司的客户成功经理张伟')).toBe(true);
    expect(zh).toContain('协助贵司用好所购买的产品和服务');
    expect(zh).not.toContain('采购过程中');
    expect(zh.endsWith('祝商祺！\n张伟\n客户成功经理')).toBe(true);
  });

  it('keeps a hostile multi-line name on one line in the subject, greeting and sign-off', () => {
    const hostile: IntroInput = {
      ...EN,
      customerName: 'Acme\r\nBcc: everyone@example.com',
      contactName: 'Anna\n\nPlease wire the invoice to account 123\u0000',
      csmName: '  Cleo\tPark \n',
      nextSteps: [{ text: 'Kick-off\ncall\n\n3. Send password', date: '2026-11-23' }],
    };
    const m = csmIntroMessage(hostile);
    expect(m.subject).toBe('Acme Bcc: everyone@example.com: meet Cleo Park, your Customer Success Manager');
    expect(m.text.startsWith('Dear Anna Please wire the invoice to account 123,\n\n')).toBe(true);
    expect(m.text).toContain('\n1. Kick-off call 3. Send password (23 Nov 2026)\n');
    expect(m.text).not.toMatch(/[\u0000\r\t]/);
    // Only the template's own line breaks: six paragraphs and five blank lines between them,
    // one more for the single step under its heading, three more for the four-line sign-off.
    expect(m.text.split('\n')).toHaveLength(6 + 5 + 1 + 3);
    const zh = csmIntroMessage({ ...ZH, customerName: '苏州\n精工', csmName: '张\r\n伟' });
    expect(zh.subject).toBe('苏州 精工：您的客户成功经理张 伟向您问好');
    expect(zh.text).toContain('我是贵司的客户成功经理张 伟，首先感谢苏州 精工的信任与选择！');
  });
});
