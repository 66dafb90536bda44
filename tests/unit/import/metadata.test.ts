import { describe, expect, it } from 'vitest';
import { normalizeByline, normalizeDate, readableDate } from '../../../shared/metadata';

describe('bylines', () => {
  it('lose "By" and list names separated by "; "', () => {
    expect(normalizeByline('By Jane Doe and John Roe')).toBe('Jane Doe; John Roe');
    expect(normalizeByline('by JANE DOE, JOHN ROE and MARY MAJOR')).toBe('JANE DOE; JOHN ROE; MARY MAJOR');
    expect(normalizeByline('By Steven Mufson')).toBe('Steven Mufson');
    expect(normalizeByline('Jane Doe & John Roe')).toBe('Jane Doe; John Roe');
    expect(normalizeByline('· M. Kowalczyk')).toBe('M. Kowalczyk');
  });
  it('keep one name written last name first, and words that are not a list of names', () => {
    expect(normalizeByline('Doe, Jane')).toBe('Doe, Jane');
    expect(normalizeByline('Martin Untersinger (avec Damien Leloup et Morgane Tual)')).toBe(
      'Martin Untersinger (avec Damien Leloup et Morgane Tual)',
    );
    expect(normalizeByline('')).toBe('');
  });
});

describe('dates', () => {
  it('are stored as ISO 8601', () => {
    expect(normalizeDate('2015-07-21')).toBe('2015-07-21');
    expect(normalizeDate('2015-07-21T14:05:00Z')).toBe('2015-07-21T14:05:00Z');
    expect(normalizeDate('2015-07-21T14:05+02:00')).toBe('2015-07-21T14:05:00+02:00');
    expect(normalizeDate('July 21, 2015')).toBe('2015-07-21');
    expect(normalizeDate('21 Jul. 2015')).toBe('2015-07-21');
    expect(normalizeDate('Tue, 21 Jul 2015 10:00:00 GMT')).toBe('2015-07-21');
    expect(normalizeDate('2015/7/21')).toBe('2015-07-21');
    expect(normalizeDate('March 2015')).toBe('2015-03');
  });
  it('keep what they cannot read unambiguously', () => {
    expect(normalizeDate('03/04/2015')).toBe('03/04/2015');
    expect(normalizeDate('2015-02-31')).toBe('2015-02-31');
    expect(normalizeDate('spring')).toBe('spring');
  });
  it('are shown readably', () => {
    expect(readableDate('2015-07-21T14:05:00Z')).toBe('21 July 2015');
    expect(readableDate('2015-07')).toBe('July 2015');
    expect(readableDate('2015')).toBe('2015');
    expect(readableDate('July 21, 2015')).toBe('21 July 2015');
  });
});
