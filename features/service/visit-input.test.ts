import { checkVisit, MAX_VISIT_MINUTES, splitNames, type VisitDraft } from './visit-input';

const TODAY = '2026-11-27';
const draft = (over: Partial<VisitDraft> = {}): VisitDraft => ({
  date: '2026-11-27',
  durationMin: '60',
  attendees: 'Li Lei',
  bossMet: false,
  checklistDone: [],
  notes: '',
  followUps: [],
  ...over,
});
const errorsOf = (d: VisitDraft) => {
  const r = checkVisit(d, TODAY);
  return r.ok ? {} : r.errors;
};

describe('checkVisit: a valid visit', () => {
  it('answers the record’s fields', () => {
    const r = checkVisit(
      draft({
        date: ' 2026-11-20 ',
        durationMin: ' 90 ',
        attendees: 'Li Lei, Han Meimei，Wang Fang; Zhao Lei；Chen Jing\nSun Li\n\n , ',
        bossMet: true,
        checklistDone: ['prepare.health', 'team.team', 'prepare.health', 'boss.month', 'team.team'],
        notes: '  Went well.  \n',
        followUps: [
          { text: ' Send the deck ', dueDate: '2026-11-27' },
          { text: '  ', dueDate: ' ' },
          { text: 'Call IT', dueDate: ' 2026-12-04 ' },
        ],
      }),
      TODAY,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        date: '2026-11-20',
        durationMin: 90,
        attendees: ['Li Lei', 'Han Meimei', 'Wang Fang', 'Zhao Lei', 'Chen Jing', 'Sun Li'],
        bossMet: true,
        checklistDone: ['prepare.health', 'team.team', 'boss.month'],
        notes: 'Went well.',
        followUps: [
          { text: 'Send the deck', dueDate: '2026-11-27' },
          { text: 'Call IT', dueDate: '2026-12-04' },
        ],
      },
    });
  });
  it('leaves out blank notes', () => {
    const r = checkVisit(draft({ notes: ' \n\t ' }), TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) expect('notes' in r.value).toBe(false);
  });
  it('accepts a visit today, and the bounds of the duration', () => {
    expect(checkVisit(draft({ date: TODAY, durationMin: '1' }), TODAY).ok).toBe(true);
    expect(checkVisit(draft({ durationMin: String(MAX_VISIT_MINUTES) }), TODAY).ok).toBe(true);
    expect(MAX_VISIT_MINUTES).toBe(600);
  });
  it('accepts a follow-up due on the visit’s own day', () => {
    expect(checkVisit(draft({ date: '2026-11-20', followUps: [{ text: 'Thank them', dueDate: '2026-11-20' }] }), TODAY).ok).toBe(true);
  });
});

describe('splitNames', () => {
  it('splits on ASCII and Chinese commas and semicolons and on new lines, dropping blanks', () => {
    expect(splitNames('a,b，c;d；e\nf')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(splitNames(' , ;\n ')).toEqual([]);
    expect(splitNames('Wang Fang')).toEqual(['Wang Fang']); // a space does not split a name
  });
});

describe('checkVisit: errors by field', () => {
  it('refuses a date that is no calendar date', () => {
    for (const date of ['2026-02-30', '2026-13-01', '27/11/2026', '']) expect(errorsOf(draft({ date }))).toEqual({ date: 'dateInvalid' });
  });
  it('refuses a date after today', () => {
    expect(errorsOf(draft({ date: '2026-11-28' }))).toEqual({ date: 'dateFuture' });
  });
  it('refuses a duration that is not a whole number of minutes from 1 to 600', () => {
    for (const durationMin of ['0', '601', '1.5', 'abc', '', '-5', '1e2'])
      expect(errorsOf(draft({ durationMin })), durationMin).toEqual({ durationMin: 'durationInvalid' });
  });
  it('refuses too many attendees, or too long a name', () => {
    const many = Array.from({ length: 101 }, (_, i) => `P${i}`).join(',');
    expect(errorsOf(draft({ attendees: many }))).toEqual({ attendees: 'attendeesTooMany' });
    expect(errorsOf(draft({ attendees: 'x'.repeat(201) }))).toEqual({ attendees: 'attendeesTooMany' });
  });
  it('refuses a follow-up with a date but no words, by its row', () => {
    const followUps = [{ text: 'Send the deck', dueDate: '2026-12-04' }, { text: ' ', dueDate: '2026-12-04' }];
    expect(errorsOf(draft({ followUps }))).toEqual({ 'followUp.1.text': 'followUpText' });
  });
  it('refuses a follow-up with words but no valid due date', () => {
    expect(errorsOf(draft({ followUps: [{ text: 'Call IT', dueDate: '' }] }))).toEqual({ 'followUp.0.dueDate': 'followUpDue' });
    expect(errorsOf(draft({ followUps: [{ text: 'Call IT', dueDate: '2026-11-31' }] }))).toEqual({ 'followUp.0.dueDate': 'followUpDue' });
  });
  it('refuses a follow-up due before the visit', () => {
    expect(errorsOf(draft({ date: '2026-11-20', followUps: [{ text: 'Call IT', dueDate: '2026-11-19' }] }))).toEqual({ 'followUp.0.dueDate': 'followUpBeforeVisit' });
  });
  it('reports every error at once, follow-ups by their row in the form', () => {
    const d = draft({
      date: '2026-12-01',
      durationMin: '0',
      followUps: [
        { text: '', dueDate: '' },
        { text: '', dueDate: '2026-12-05' },
        { text: 'Call IT', dueDate: 'soon' },
        { text: 'Early', dueDate: '2026-11-30' },
      ],
    });
    expect(errorsOf(d)).toEqual({
      date: 'dateFuture',
      durationMin: 'durationInvalid',
      'followUp.1.text': 'followUpText',
      'followUp.2.dueDate': 'followUpDue',
      'followUp.3.dueDate': 'followUpBeforeVisit',
    });
  });
});

describe('checkVisit: the CSM’s read', () => {
  it('keeps the band and its trimmed one-line reason; no read is no field', () => {
    const r = checkVisit(draft({ sentiment: 'yellow', sentimentReason: '  rollout slower than hoped ' }), TODAY);
    expect(r.ok && r.value.sentiment).toEqual({ band: 'yellow', reason: 'rollout slower than hoped' });
    const bare = checkVisit(draft({ sentiment: 'green', sentimentReason: '  ' }), TODAY);
    expect(bare.ok && bare.value.sentiment).toEqual({ band: 'green' });
    const none = checkVisit(draft({ sentiment: '' }), TODAY);
    expect(none.ok && 'sentiment' in none.value).toBe(false);
  });
  it('refuses a reason without a band, and a reason longer than a line', () => {
    expect(errorsOf(draft({ sentimentReason: 'the boss was absent' }))).toEqual({ sentiment: 'sentimentMissing' });
    expect(errorsOf(draft({ sentiment: 'red', sentimentReason: 'a\nb' }))).toEqual({ sentimentReason: 'sentimentReason' });
    expect(errorsOf(draft({ sentiment: 'red', sentimentReason: 'x'.repeat(201) }))).toEqual({ sentimentReason: 'sentimentReason' });
  });
});
