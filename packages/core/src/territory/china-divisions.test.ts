// Where a floating person comes from and goes to, as the national division codes name it.
import { describe, expect, it } from 'vitest';
import { canonicalDivisionCode, divisionChildren, divisionName, isKnownDivision, provinceOf } from './china-divisions.js';

describe('the national divisions', () => {
  it('names a county with its province and city: 511124 is 四川省 乐山市 井研县', () => {
    expect(divisionName('511124')).toBe('四川省 乐山市 井研县');
    expect(divisionName('5111')).toBe('四川省 乐山市');
    expect(divisionName('51')).toBe('四川省');
  });

  it('leaves the grouping level of a municipality out of the full name', () => {
    expect(divisionName('110101')).toBe('北京市 东城区');
    expect(divisionName('500229')).toBe('重庆市 城口县');
    expect(divisionName('1101')).toBe('北京市 市辖区');
  });

  it('knows provinces, cities and counties of 2, 4 and 6 digits, and nothing else', () => {
    for (const code of ['51', '5111', '511124', '110101', '650100'.slice(0, 4), '81', '82', '71']) expect(isKnownDivision(code)).toBe(true);
    for (const code of ['99', '5199', '511199', '5', '51112', '511124101', 'abcdef', '', '00']) expect(isKnownDivision(code)).toBe(false);
    expect(divisionName('511199')).toBeNull();
  });

  it('reads the 6-digit forms of a province and a city as the province and the city', () => {
    expect(canonicalDivisionCode('510000')).toBe('51');
    expect(canonicalDivisionCode('511100')).toBe('5111');
    expect(canonicalDivisionCode(' 511124 ')).toBe('511124');
    expect(canonicalDivisionCode('51112')).toBeNull();
    expect(isKnownDivision('510000')).toBe(true);
    expect(divisionName('511100')).toBe('四川省 乐山市');
  });

  it('gives the province of any known division', () => {
    expect(provinceOf('511124')).toBe('51');
    expect(provinceOf('1101')).toBe('11');
    expect(provinceOf('44')).toBe('44');
    expect(provinceOf('999999')).toBeNull();
  });

  it('lists the children of each level for a cascader: 34 provinces, 乐山 under 四川, 井研 under 乐山', () => {
    const provinces = divisionChildren(null);
    expect(provinces).toHaveLength(34);
    expect(provinces[0]).toEqual({ code: '11', name: '北京市' });
    expect(provinces.map((division) => division.code)).toEqual(expect.arrayContaining(['71', '81', '82']));
    expect(divisionChildren('51').map((division) => division.name)).toContain('乐山市');
    expect(divisionChildren('51').every((division) => division.code.length === 4 && division.code.startsWith('51'))).toBe(true);
    expect(divisionChildren('5111')).toContainEqual({ code: '511124', name: '井研县' });
    expect(divisionChildren('511124')).toEqual([]);
    expect(divisionChildren('99')).toEqual([]);
  });

  it('holds every county under a city and every city under a province', () => {
    let counties = 0;
    for (const province of divisionChildren(null)) {
      for (const city of divisionChildren(province.code)) {
        expect(city.code.startsWith(province.code)).toBe(true);
        for (const county of divisionChildren(city.code)) {
          expect(county.code).toMatch(/^\d{6}$/);
          counties += 1;
        }
      }
    }
    expect(counties).toBeGreaterThan(2800);
  });
});
