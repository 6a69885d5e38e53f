import fc from 'fast-check';
import { CHAT_CUT_MARK, CHAT_MAX_CHARS, chatLength, chatText, clipLine } from './chat';

describe('chatText: Markdown marks', () => {
  it('keeps the words of headings, ATX and setext, without their marks', () => {
    expect(chatText('# Monthly report\n## November ##\nBody')).toBe('Monthly report\nNovember\nBody');
    expect(chatText('Summary\n=======\nText\n\nNext\n---\nMore')).toBe('Summary\nText\n\nNext\nMore');
    // A hashtag, or a number sign inside text, is not a heading.
    expect(chatText('#launch day\nIssue #12 is fixed')).toBe('#launch day\nIssue #12 is fixed');
  });

  it('takes out emphasis, strike-through and code marks, leaving arithmetic and snake_case alone', () => {
    expect(chatText('**Bold** and __also bold__, *it* and _it_, ~~gone~~, `code`')).toBe('Bold and also bold, it and it, gone, code');
    expect(chatText('5 * 3 * 2 = 30')).toBe('5 * 3 * 2 = 30');
    expect(chatText('set user_id and max_seats')).toBe('set user_id and max_seats');
    expect(chatText('**重点**：_上线_')).toBe('重点：上线');
  });

  it('turns escapes into the characters they stand for, not into marks', () => {
    expect(chatText('\\*not emphasis\\* and 100\\% \\# sure')).toBe('*not emphasis* and 100% # sure');
    expect(chatText('\\# not a heading')).toBe('# not a heading');
    expect(chatText('\\- not a bullet')).toBe('- not a bullet');
    expect(chatText('a backslash: \\\\')).toBe('a backslash: \\');
  });

  it('writes links as their label and address, images as their description', () => {
    expect(chatText('See [the guide](https://example.com/guide) and ![Chart](c.png)')).toBe('See the guide (https://example.com/guide) and Chart');
    expect(chatText('[https://example.com](https://example.com)')).toBe('https://example.com');
  });

  it('drops quote marks, rules, code fences and hard-break marks', () => {
    expect(chatText('> quoted\n> > twice\n***\n```\nnpm run build\n```\nend\\\nnext  ')).toBe('quoted\ntwice\nnpm run build\nend\nnext');
  });
});

describe('chatText: lines and lists', () => {
  it('starts list items with the chosen bullet, task boxes included, numbered items as written', () => {
    const md = '- one\n* two\n+ three\n• four\n- [x] done\n1. first\n2) second';
    expect(chatText(md)).toBe('· one\n· two\n· three\n· four\n· done\n1. first\n2) second');
    expect(chatText(md, { bullet: '- ' }).split('\n').slice(0, 5)).toEqual(['- one', '- two', '- three', '- four', '- done']);
    expect(chatText('  - nested\n    - deeper')).toBe('· nested\n· deeper');
  });

  it('collapses runs of blank lines to one and trims blank lines at the ends', () => {
    expect(chatText('\n\n  \nA\n\n\n\nB\n \n\t\nC\n\n')).toBe('A\n\nB\n\nC');
    // A line left empty by its marks counts as blank.
    expect(chatText('A\n\n---\n\nB')).toBe('A\n\nB');
  });

  it('collapses spaces and tabs inside a line and accepts any line ending', () => {
    expect(chatText('a \t  b\r\nc\rd\u2028e\u0085f')).toBe('a b\nc\nd\ne\nf');
  });
});

describe('chatText: hostile text', () => {
  it('removes NUL, other control characters and direction overrides', () => {
    expect(chatText('Acme\u0000 Tools\u0007\u001B[31m\u007F\u0090 \u202Eevil\u2066')).toBe('Acme Tools[31m evil');
  });
  it('does not let private-use characters pose as escaped marks', () => {
    expect(chatText(`x${String.fromCharCode(0xe000 + 42)}y`)).toBe('xy');
  });
  it('answers empty text for what is not text', () => {
    expect(chatText(undefined as unknown as string)).toBe('');
    expect(chatText('')).toBe('');
  });
});

describe('chatText: length bound', () => {
  it(`is at most ${CHAT_MAX_CHARS} characters by default, cut after the last whole line that fits`, () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${String(i).padStart(2, '0')}: ${'x'.repeat(10)}`); // 19 chars each
    const out = chatText(lines.join('\n'));
    expect(chatLength(out)).toBeLessThanOrEqual(CHAT_MAX_CHARS);
    const kept = out.split('\n');
    expect(kept.at(-1)).toBe(CHAT_CUT_MARK);
    // 25 lines of 19 plus 24 breaks is 499; the mark and its break need 2 more, so 24 lines stay.
    expect(kept.slice(0, -1)).toEqual(lines.slice(0, 24));
  });

  it('leaves text that fits untouched, and never ends on a blank line before the mark', () => {
    expect(chatText('short', { maxChars: 5 })).toBe('short');
    expect(chatText('aaaa\n\nbbbb', { maxChars: 8 })).toBe('aaaa\n…');
  });

  it('cuts inside a first line too long alone, between characters and never inside an emoji', () => {
    expect(chatText('🙂'.repeat(20), { maxChars: 10 })).toBe(`${'🙂'.repeat(9)}…`);
    expect(chatText('一二三四五六七八九十\n下一行', { maxChars: 10 })).toBe('一二三四五六七八九…');
    expect(chatText('abcdefghij\nk', { maxChars: 10 })).toBe('abcdefghi…');
  });

  it('counts characters as people do: a two-unit emoji is one', () => {
    expect(chatLength('🙂a')).toBe(2);
    expect(chatText('🙂'.repeat(500))).toBe('🙂'.repeat(500));
  });

  it('holds its promises for any text: bounded, no control characters, no runs of blank lines', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1500 }), fc.integer({ min: 1, max: 800 }), (s, max) => {
        const out = chatText(s, { maxChars: max });
        expect(chatLength(out)).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
        expect(out).not.toMatch(/\n\s*\n\s*\n/);
        expect(out).toBe(out.trim() === '' ? '' : out);
        expect(chatText(out, { maxChars: max }).length).toBeLessThanOrEqual(out.length);
      }),
    );
  });
});

describe('clipLine', () => {
  it('cuts one line to a length, the mark included', () => {
    expect(clipLine('Quotes out in one day', 10)).toBe('Quotes ou…');
    expect(clipLine('short', 10)).toBe('short');
    expect(clipLine('报价时间从三天缩短到一天', 6)).toBe('报价时间从…');
  });
});
