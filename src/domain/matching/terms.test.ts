import { describe, expect, it } from 'vitest';
import { termFrequencies, termsOf } from './terms';

describe('termsOf', () => {
  it('keeps words of two or more characters and Latin tokens, drops stop words, punctuation and numbers', () => {
    expect(termsOf(['公司', '锂电池', '隔膜', '，', '在', '150', '℃', 'PCR', '5G', '技术', '的'])).toEqual([
      '锂电池',
      '隔膜',
      'pcr',
      '5g',
    ]);
  });
});

describe('termFrequencies', () => {
  it('counts each term', () => {
    expect(termFrequencies(['隔膜', '涂覆', '隔膜'])).toEqual(
      new Map([
        ['隔膜', 2],
        ['涂覆', 1],
      ]),
    );
  });
});
