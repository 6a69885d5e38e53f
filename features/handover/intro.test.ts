import fc from 'fast-check';
import {
  checkSuccessStory, csmIntroMessage, formatIntroDate, introInputOf, singleLine, SUCCESS_STORY_MAX, type IntroInput,
} from './intro';
import { csmIntroChat } from './intro-chat';
import { CHAT_MAX_CHARS, chatLength } from '../../shared/text/chat';
import { HandoverSchema, type Handover, type Milestone, type ServicePlan } from '../../data/model/records';
import type { Account } from '../../data/model/account';

const EN: IntroInput = {
  language: 'en',
  customerName: 'Acme Tools',
  contactName: 'Anna Becker',
  csmName: 'Cleo Park',
  csmContact: 'cleo.park@example.com',
  salesName: 'Tom Reyes',
  products: 'Analytics Pro',
  goals: ['Quotes out in 1 day instead of 3', 'Every sales rep using the pipeline view weekly'],
  customerLead: 'Ben Ortiz',
  implementationWeeks: 6,
  milestones: [
    { text: 'Kick-off meeting', date: '2026-11-23' },
    { text: 'Admin workshop', date: '2026-12-04' },
  ],
  firstServiceDay: '2026-12-25',
  successStory: 'Northwind started with quotes taking four days; after two months of weekly training they send most quotes the same day.',
};
const ZH: IntroInput = {
  language: 'zh-CN',
  customerName: '苏州精工机械有限公司',
  contactName: '王总',
  csmName: '张伟',
  csmContact: '138 0000 0000',
  salesName: '李明',
  products: '数据分析专业版',
  goals: ['报价时间从3天缩短到1天', '销售每周使用商机看板'],
  customerLead: '陈经理',
  implementationWeeks: 6,
  milestones: [
    { text: '项目启动会', date: '2026-11-23' },
    { text: '管理员培训', date: '2026-12-04' },
  ],
  firstServiceDay: '2026-12-25',
  successStory: '无锡一家同行起初报价要四天，经过两个月每周培训，现在大部分报价当天就能发出。',
};
/** The bare minimum: no contact, no sales, no goals, no milestones, no story. */
const BARE = (language: 'en' | 'zh-CN'): IntroInput => ({ language, customerName: 'Acme', csmName: 'Cleo', goals: [], milestones: [] });

/** Words that promise a result; the introduction lowers expectations instead. */
const PROMISING = /ensur|guarant|make sure|assur|promis|确保|保证|保障|一定|承诺|包您|必将/i;

describe('formatIntroDate', () => {
  it('writes dates the way each language reads them, without leading zeros', () => {
    expect(formatIntroDate('2026-11-23', 'en')).toBe('23 Nov 2026');
    expect(formatIntroDate('2026-11-23', 'zh-CN')).toBe('2026年11月23日');
    expect(formatIntroDate('2027-01-05', 'en')).toBe('5 Jan 2027');
    expect(formatIntroDate('2027-01-05', 'zh-CN')).toBe('2027年1月5日');
  });
  it('leaves the year out when short', () => {
    expect(formatIntroDate('2027-01-05', 'en', true)).toBe('5 Jan');
    expect(formatIntroDate('2027-01-05', 'zh-CN', true)).toBe('1月5日');
  });
  it('gives nothing for text that is not a calendar date', () => {
    expect(formatIntroDate('2026-02-30', 'en')).toBe('');
    expect(formatIntroDate('23/11/2026', 'zh-CN')).toBe('');
    expect(formatIntroDate(undefined, 'en', true)).toBe('');
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

describe('csmIntroMessage: the e-mail', () => {
  it('writes the English introduction: agreed goal, both sides’ effort, first milestones and service day, a success story', () => {
    const m = csmIntroMessage(EN);
    expect(m.subject).toBe('Acme Tools: meet Cleo Park, your Customer Success Manager');
    expect(m.text).toBe(
      [
        'Dear Anna Becker,',
        'Thank you for choosing us, and welcome aboard! My name is Cleo Park, and I am the Customer Success Manager for Acme Tools. From today I am your main point of contact for Analytics Pro.',
        'You met Tom Reyes during the purchase. Tom Reyes has shared with me what you discussed, so we can pick up right where you left off.',
        'The goal we agreed on:\n- Quotes out in 1 day instead of 3\n- Every sales rep using the pipeline view weekly',
        "Reaching it takes work on both sides, and the first weeks ask the most of your team. From your side: Ben Ortiz as the project lead, your key users' time for the kick-off and the training, and an hour each month to review progress with you. From ours: I plan the onboarding with you, help your users get started, and follow up on every request you raise. Implementation usually takes about 6 weeks.",
        'The first milestones:\n1. Kick-off meeting (23 Nov 2026)\n2. Admin workshop (4 Dec 2026)\nAfter that we meet every month on a service day; the first one is 25 Dec 2026.',
        'To give you an idea of the road ahead, here is how it went for a customer in a similar situation: Northwind started with quotes taking four days; after two months of weekly training they send most quotes the same day.',
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
        '我是贵司的客户成功经理张伟，首先感谢苏州精工机械有限公司的信任与选择！今后我将作为您的主要对接人，协助贵司用好数据分析专业版。',
        '在采购过程中，您已经与李明有过沟通。李明已经和我同步了前期的沟通情况，我们会在此基础上继续推进，您无需重复说明。',
        '我们共同确定的目标：\n- 报价时间从3天缩短到1天\n- 销售每周使用商机看板',
        '达成目标需要双方共同投入，前几周对贵司团队的要求最高。贵司需要由陈经理担任项目负责人，关键用户抽出时间参加启动会和培训，每月再安排约一小时与您一起复盘进展。我们这边，我会和您一起制定上线计划，帮助用户上手，并跟进您提出的每一项需求。按目前的规划，实施大约需要6周。',
        '首批里程碑：\n1. 项目启动会（2026年11月23日）\n2. 管理员培训（2026年12月4日）\n之后我们每月会有一次服务日，第一次是2026年12月25日。',
        '供您参考，一家情况相近的客户是这样走过来的：无锡一家同行起初报价要四天，经过两个月每周培训，现在大部分报价当天就能发出。',
        '如有任何问题，欢迎随时回复本邮件，或通过 138 0000 0000 与我联系。期待与您的合作！',
        '祝商祺！\n张伟\n客户成功经理\n联系方式：138 0000 0000',
      ].join('\n\n'),
    );
  });

  it.each([
    ['en', 'At the kick-off we will write down the goal together, in your words', 'From your side: a project lead,', 'propose a short kick-off call', 'a customer in a similar situation'],
    ['zh-CN', '在启动会上，我们会一起用贵司自己的话把目标写下来', '贵司需要指定一位项目负责人', '我想和您约一次简短的启动会', '情况相近的客户'],
  ] as const)('in %s, without goals, lead, milestones or story, still sets the goal and the effort', (language, noGoal, noLead, noSteps, story) => {
    const { text } = csmIntroMessage({ ...BARE(language), firstServiceDay: '2026-11-27' });
    expect(text).toContain(noGoal);
    expect(text).toContain(noLead);
    expect(text).toContain(noSteps);
    expect(text).toContain(language === 'en' ? 'the first one is 27 Nov 2026.' : '第一次是2026年11月27日。');
    expect(text).not.toContain(story);
    expect(text).not.toMatch(/Implementation usually|实施大约/);
  });

  it('numbers only the milestones with text, and leaves out missing or invalid dates', () => {
    const milestones = [{ text: '' }, { text: 'Kick-off call', date: '2026-11-23' }, { text: 'Admin training' }, { text: 'Go-live review', date: '2026-13-01' }];
    expect(csmIntroMessage({ ...EN, milestones }).text).toContain(
      'The first milestones:\n1. Kick-off call (23 Nov 2026)\n2. Admin training\n3. Go-live review\nAfter that',
    );
    expect(csmIntroMessage({ ...ZH, milestones, firstServiceDay: 'soon' as never }).text).toContain(
      '首批里程碑：\n1. Kick-off call（2026年11月23日）\n2. Admin training\n3. Go-live review\n\n',
    );
  });

  it('keeps a hostile multi-line value on one line in the subject, greeting, goals and story', () => {
    const hostile: IntroInput = {
      ...EN,
      customerName: 'Acme\r\nBcc: everyone@example.com',
      contactName: 'Anna\n\nPlease wire the invoice to account 123\u0000',
      csmName: '  Cleo\tPark \n',
      goals: ['Faster\n\n3. Send password'],
      milestones: [{ text: 'Kick-off\ncall', date: '2026-11-23' }],
      successStory: 'Line one\n\nLine two\u202E',
    };
    const m = csmIntroMessage(hostile);
    expect(m.subject).toBe('Acme Bcc: everyone@example.com: meet Cleo Park, your Customer Success Manager');
    expect(m.text.startsWith('Dear Anna Please wire the invoice to account 123,\n\n')).toBe(true);
    expect(m.text).toContain('\n- Faster 3. Send password\n\n');
    expect(m.text).toContain('\n1. Kick-off call (23 Nov 2026)\n');
    expect(m.text).toContain('similar situation: Line one Line two\n\n');
    expect(m.text).not.toMatch(/[\u0000\r\t\u202E]/);
  });
});

describe('csmIntroChat: the chat text', () => {
  it('writes the Chinese chat text: no subject, no Markdown, the goal, the effort, dated steps and the story', () => {
    expect(csmIntroChat(ZH)).toBe(
      [
        '王总您好，我是苏州精工机械有限公司的客户成功经理张伟，今后由我和您对接。',
        '我们共同的目标：',
        '· 报价时间从3天缩短到1天',
        '· 销售每周使用商机看板',
        '达成目标需要双方投入：贵司需要陈经理担任项目负责人、关键用户参加培训、每月约一小时复盘；我们负责上线计划、培训和需求跟进。实施约需6周。',
        '首批里程碑：',
        '· 项目启动会（11月23日）',
        '· 管理员培训（12月4日）',
        '· 首次月度服务日（12月25日）',
        '相近客户的经验：无锡一家同行起初报价要四天，经过两个月每周培训，现在大部分报价当天就能发出。',
      ].join('\n'),
    );
  });

  it('writes the English chat text with a short story; a long one is left to the e-mail rather than cutting a goal', () => {
    const short = csmIntroChat({ ...EN, successStory: 'Northwind: same-day quotes in 8 weeks' });
    expect(short).toBe(
      [
        "Hello Anna Becker, I'm Cleo Park, your Customer Success Manager from today.",
        'Our goal:',
        '- Quotes out in 1 day instead of 3',
        '- Every sales rep using the pipeline view weekly',
        "It takes both sides: you, a project lead (Ben Ortiz), users' time for training, an hour a month to review; us, the plan, training and follow-up. About 6 weeks to implement.",
        'First steps:',
        '- Kick-off meeting, 23 Nov',
        '- Admin workshop, 4 Dec',
        '- First monthly service day, 25 Dec',
        'A similar customer: Northwind: same-day quotes in 8 weeks',
      ].join('\n'),
    );
    expect(chatLength(short)).toBe(500);
    const long = csmIntroChat(EN);
    expect(long).toBe(short.split('\n').slice(0, -1).join('\n'));
  });

  it.each(['en', 'zh-CN'] as const)('in %s, without goals or milestones, proposes writing the goal down and a kick-off', (language) => {
    const chat = csmIntroChat({ ...BARE(language), firstServiceDay: '2026-11-27' });
    expect(chat).toContain(language === 'en' ? 'At the kick-off we write the goal down together.' : '启动会上我们一起把目标写下来。');
    expect(chat).toContain(language === 'en' ? '- a short kick-off call: what time suits you?' : '· 简短的启动会');
    expect(chat).toContain(language === 'en' ? '- First monthly service day, 27 Nov' : '· 首次月度服务日（11月27日）');
    expect(chat.split('\n')[0]).toBe(language === 'en' ? "Hello Acme team, I'm Cleo, your Customer Success Manager from today." : '您好，我是Acme的客户成功经理Cleo，今后由我和您对接。');
  });

  it('shortens long parts in steps and always keeps the greeting and the effort, within the bound', () => {
    const long = (s: string) => s.repeat(30);
    for (const base of [EN, ZH]) {
      const chat = csmIntroChat({
        ...base, contactName: long('Anna '), csmName: long('Cleo '), customerLead: long('Ben '),
        goals: Array.from({ length: 10 }, (_, i) => long(`goal ${i} `)),
        milestones: Array.from({ length: 10 }, (_, i) => ({ text: long(`step ${i} `), date: '2026-12-01' })),
        successStory: long('story '),
      });
      expect(chatLength(chat)).toBeLessThanOrEqual(CHAT_MAX_CHARS);
      const lines = chat.split('\n');
      expect(lines[0]).toMatch(base.language === 'en' ? /^Hello Anna Anna Anna Anna/ : /^Anna Anna Anna Anna/);
      expect(lines.some((l) => l.startsWith(base.language === 'en' ? 'It takes both sides' : '达成目标需要双方投入'))).toBe(true);
      expect(lines.filter((l) => /goal \d/.test(l)).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('is plain chat text within the bound for any input', () => {
    const text = fc.string({ unit: 'binary', maxLength: 400 });
    fc.assert(
      fc.property(
        fc.constantFrom(EN, ZH), text, text, fc.array(text, { maxLength: 8 }), fc.array(text, { maxLength: 8 }), text, fc.integer({ min: 120, max: 800 }),
        (base, contact, csm, goals, steps, story, max) => {
          const chat = csmIntroChat({ ...base, contactName: contact, csmName: csm, goals, milestones: steps.map((t) => ({ text: t })), successStory: story }, max);
          expect(chatLength(chat)).toBeLessThanOrEqual(max);
          expect(chat).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]|\n\n/);
        },
      ),
    );
  });
});

describe('the introduction promises no result', () => {
  const variants: IntroInput[] = [EN, ZH, BARE('en'), BARE('zh-CN'), { ...EN, milestones: [], goals: [] }, { ...ZH, successStory: '', customerLead: '' }];
  it.each(variants.map((v, i) => [i, v] as const))('variant %i: no "ensure", "guarantee", "确保", "保证" or the like, in the e-mail or the chat', (_, input) => {
    const m = csmIntroMessage(input);
    expect(m.subject).not.toMatch(PROMISING);
    expect(m.text).not.toMatch(PROMISING);
    expect(csmIntroChat(input)).not.toMatch(PROMISING);
  });
});

describe('introInputOf', () => {
  const stamp = '2026-11-01T00:00:00.000Z';
  const account: Account = { id: 'a1', crm: 'salesforce', recordId: '001', name: 'Acme', owner: 'Maya', csm: 'Priya', contractEnd: '2027-10-31', createdAt: stamp, updatedAt: stamp };
  const handover: Handover = {
    id: 'handover:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, status: 'accepted', bought: { products: 'Pro' },
    outcomes: ['Quotes in 1 day'], implementationWeeks: 4, successStory: 'Stored story',
    keyPeople: [{ role: 'champion', name: 'Old champion', leftAt: '2026-11-10' }, { role: 'boss', name: 'Dana' }, { role: 'champion', name: 'Ravi' }],
  };
  const ms = (key: string, dueDate: string, extra: Partial<Milestone> = {}): Milestone => ({ id: key, accountId: 'a1', createdAt: stamp, updatedAt: stamp, key, title: key, dueDate, ...extra });
  const milestones = [ms('workshop', '2026-12-20'), ms('kick_off', '2026-11-30'), ms('health', '2027-01-15'), ms('late', '2027-02-01'), ms('done', '2026-11-25', { doneAt: '2026-11-24' }), ms('gone', '2026-11-26', { deleted: true })];
  const base = { account, handover, milestones, plan: undefined, language: 'en' as const, today: '2026-11-23', csmFallback: 'your CSM' };

  it('takes the goal, the people, the first open milestones and the service day from the account', () => {
    expect(introInputOf(base)).toEqual({
      language: 'en', customerName: 'Acme', contactName: 'Dana', csmName: 'Priya', salesName: 'Maya', products: 'Pro',
      goals: ['Quotes in 1 day'], customerLead: 'Ravi', implementationWeeks: 4,
      milestones: [{ text: 'kick_off', date: '2026-11-30' }, { text: 'workshop', date: '2026-12-20' }, { text: 'health', date: '2027-01-15' }],
      // The default rule: the last Friday of the month.
      firstServiceDay: '2026-11-27',
      successStory: 'Stored story',
    });
  });

  it('follows the service plan’s rule and prefers the story being typed', () => {
    const plan: ServicePlan = { id: 'plan:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, serviceDay: { kind: 'day_of_month', day: 10 }, language: 'zh-CN' };
    const input = introInputOf({ ...base, plan, successStory: 'Typed story' });
    expect(input.firstServiceDay).toBe('2026-12-10');
    expect(input.successStory).toBe('Typed story');
    expect(introInputOf({ ...base, successStory: '' }).successStory).toBeUndefined();
    expect(introInputOf({ ...base, account: { ...account, csm: undefined } }).csmName).toBe('your CSM');
  });
});

describe('the success story on the handover', () => {
  const stamp = '2026-11-01T00:00:00.000Z';
  const old = { id: 'handover:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, status: 'accepted' };

  it('is optional: records from before it stay valid', () => {
    expect(HandoverSchema.safeParse(old).success).toBe(true);
    expect(HandoverSchema.parse({ ...old, successStory: '  A story  ' }).successStory).toBe('A story');
  });
  it('is bounded the same on the record and in the form', () => {
    expect(HandoverSchema.safeParse({ ...old, successStory: 'x'.repeat(SUCCESS_STORY_MAX) }).success).toBe(true);
    expect(HandoverSchema.safeParse({ ...old, successStory: 'x'.repeat(SUCCESS_STORY_MAX + 1) }).success).toBe(false);
    expect(checkSuccessStory('x'.repeat(SUCCESS_STORY_MAX))).toEqual({ ok: true, value: 'x'.repeat(SUCCESS_STORY_MAX) });
    expect(checkSuccessStory('x'.repeat(SUCCESS_STORY_MAX + 1))).toEqual({ ok: false, error: 'tooLong', count: SUCCESS_STORY_MAX + 1 });
  });
  it('refuses what cannot be stored, and an empty story means none', () => {
    expect(checkSuccessStory('a\u0000b')).toMatchObject({ ok: false, error: 'nul' });
    expect(checkSuccessStory('a\ud800b')).toMatchObject({ ok: false, error: 'broken' });
    expect(checkSuccessStory('  \n ')).toEqual({ ok: true, value: undefined });
  });
});
