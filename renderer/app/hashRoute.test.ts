import { describe, expect, it } from 'vitest';
import { carriedOver, parseRoute } from './hashRoute';

describe('hash routes', () => {
  it('reads a screen and its parameters, and an empty hash as home', () => {
    expect(parseRoute('#/gradebook?class=c1&row=toan&period=CK1')).toEqual({
      area: 'gradebook',
      params: { class: 'c1', row: 'toan', period: 'CK1' },
    });
    expect(parseRoute('')).toEqual({ area: 'home', params: {} });
    expect(parseRoute('#/')).toEqual({ area: 'home', params: {} });
  });

  it('says when a hash names no screen instead of showing home silently', () => {
    expect(parseRoute('#/so-diem?class=c1')).toEqual({
      area: 'home',
      params: { class: 'c1' },
      unknownPath: 'so-diem',
    });
    // Đồng bộ is a screen of its own now.
    expect(parseRoute('#/sync')).toEqual({ area: 'sync', params: {} });
  });

  it('carries the class, subject and period to the next screen, and nothing else', () => {
    expect(carriedOver({ class: 'c1', row: 'toan', period: 'GK2', student: 's9' })).toEqual({
      class: 'c1',
      row: 'toan',
      period: 'GK2',
    });
    expect(carriedOver({})).toEqual({});
  });
});
