import { describe, expect, it } from 'vitest';
import { basisPieces, referenceFor } from './law-links.ts';

const LIB = ['社会团体登记管理条例(2016-02-06)', '信访条例(2005-01-10)', '信访工作条例(2022-02-25)', '行政处罚法(2021-01-22)', '行政处罚法(1996-03-17)'];

describe('legal basis links to the reference texts', () => {
  it('links each 《law》 the library holds, opening at the first article named', () => {
    const basis = '《社会团体登记管理条例》第三条、第六条、第十八条;《中华人民共和国慈善法》第二十二条';
    const pieces = basisPieces(basis, LIB);
    expect(pieces.map((p) => p.text).join('')).toBe(basis);
    expect(pieces[0]).toEqual({ text: '《社会团体登记管理条例》第三条、第六条、第十八条', ref: '社会团体登记管理条例(2016-02-06)', article: '第三条' });
    expect(pieces[1]).toEqual({ text: ';' });
    // Not in the library: plain text, no link.
    expect(pieces[2]).toEqual({ text: '《中华人民共和国慈善法》第二十二条' });
  });

  it('matches the whole name (信访条例 is not 信访工作条例), drops 中华人民共和国 and takes the newest edition', () => {
    expect(referenceFor('信访条例', LIB)).toBe('信访条例(2005-01-10)');
    expect(referenceFor('信访工作条例', LIB)).toBe('信访工作条例(2022-02-25)');
    expect(referenceFor('中华人民共和国行政处罚法', LIB)).toBe('行政处罚法(2021-01-22)');
    expect(referenceFor('社会团体登记条例', LIB)).toBeUndefined();
    expect(basisPieces('《行政处罚法》', LIB)).toEqual([{ text: '《行政处罚法》', ref: '行政处罚法(2021-01-22)' }]);
    expect(basisPieces('国务院令第250号', LIB)).toEqual([{ text: '国务院令第250号' }]);
  });
});
