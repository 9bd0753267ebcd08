import { describe, expect, it } from 'vitest';
import { wordCount } from './word-count';

describe('wordCount (Word 字数)', () => {
  it.each([
    ['the docs/ledger-format.md example', '我们在2025年完成了AI项目。', 12],
    ['empty', '', 0],
    ['only spaces', '   ', 0],
    ['whitespace of every kind', ' \t\n\r\u3000\u00a0', 0],
    ['Han characters', '千人进千企', 5],
    ['full-width punctuation, each 1', '，。！？；：“”‘’（）【】《》、', 17],
    ['em dashes and ellipsis are punctuation', '——……', 4],
    ['middle dot is punctuation', '马克·吐温', 5],
    ['yuan sign joins the number', '￥100', 1],
    ['yuan sign after Han', '费用￥100元', 4],
    ['full-width plus joins runs (symbol)', 'A＋B', 1],
    ['degree Celsius joins runs', '25℃', 1],
    ['English words', 'Hello world, this is AI.', 5],
    ['ASCII punctuation joins the word', 'e-mail, U.S.A.', 2],
    ['digits with separators', '2,350,000.00', 1],
    ['mixed', '北京Beijing经开区E-Town', 7],
    ['CJK extension B character (surrogate pair) counts 1', '𠀀𪚥', 2],
    ['CJK extension A', '㐀', 1],
    ['newlines split runs', 'AI\nproject\r\nplan', 3],
    ['ideographic space splits runs', 'AI\u3000project', 2],
    ['ASCII punctuation alone is a run', '...', 1],
    ['non-ASCII punctuation between letters splits them', 'A，B', 3],
    ['other scripts form runs', 'Привет мир', 2],
    ['an emoji is a run', '好👍', 2],
  ])('%s: %j → %i', (_, text, expected) => {
    expect(wordCount(text)).toBe(expected);
  });

  it('counts a long report in linear time', () => {
    const text = '需求分析报告，AI 2025。'.repeat(20_000);
    expect(wordCount(text)).toBe(20_000 * 10);
  });
});
