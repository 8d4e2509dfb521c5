// Division codes and org paths as the statistics office and our scope filters read them.
import { describe, expect, it } from 'vitest';
import {
  ORG_UNIT_KINDS,
  ORG_UNIT_KIND_LABELS,
  ancestorPaths,
  isChildCode,
  isCountyCode,
  isGridCode,
  isTownshipCode,
  isVillageCode,
  isWithinScope,
  nextGridCode,
  orgPath,
  orgPathDepth,
  scopeMatchOf,
  unitCodesOfPath,
  parentCode,
  parseOrgPath,
  shortUnitName,
  villageKindFromName,
} from './division-code.js';

describe('division codes', () => {
  it('knows a county, a township and a village code of 井研县', () => {
    expect(isCountyCode('511124')).toBe(true);
    expect(isTownshipCode('511124101')).toBe(true);
    expect(isVillageCode('511124101201')).toBe(true);
  });

  it.each(['5111', '5111241', '991124', '510100', 'abcdef', '５１１１２４'])('refuses %s as a county code', (code) => {
    expect(isCountyCode(code)).toBe(false);
  });

  it('refuses a township or village part of zeros, and codes of the wrong length', () => {
    expect(isTownshipCode('511124000')).toBe(false);
    expect(isVillageCode('511124101000')).toBe(false);
    expect(isVillageCode('511124101')).toBe(false);
    expect(isTownshipCode('991124101')).toBe(false);
  });

  it('finds the parent one level up, and nothing above a county', () => {
    expect(parentCode('511124101201')).toBe('511124101');
    expect(parentCode('511124101')).toBe('511124');
    expect(parentCode('511124')).toBeNull();
    expect(isChildCode('511124101201', '511124101')).toBe(true);
    expect(isChildCode('511124101201', '511124')).toBe(false);
  });
});

describe('grid codes', () => {
  it('gives the next code after the highest ever used, retired ones included', () => {
    expect(nextGridCode([])).toBe('G01');
    expect(nextGridCode(['G01', 'G02'])).toBe('G03');
    expect(nextGridCode(['G07', 'G02'])).toBe('G08');
    expect(nextGridCode(['G99'])).toBe('G100');
    expect(nextGridCode(['x', 'G1'])).toBe('G01');
  });

  it('accepts G and two or more digits', () => {
    expect(isGridCode('G01')).toBe(true);
    expect(isGridCode('G123')).toBe(true);
    expect(isGridCode('G1')).toBe(false);
    expect(isGridCode('g01')).toBe(false);
  });
});

describe('org paths', () => {
  const grid = '/511124/511124101/511124101201/G01/';

  it('builds and reads a path of codes', () => {
    expect(orgPath(['511124', '511124101', '511124101201', 'G01'])).toBe(grid);
    expect(orgPath([])).toBe('/');
    expect(() => orgPath(['51/1124'])).toThrow(RangeError);
    expect(parseOrgPath(grid)).toEqual(['511124', '511124101', '511124101201', 'G01']);
    expect(parseOrgPath('/')).toEqual([]);
    expect(parseOrgPath('511124/')).toBeNull();
    expect(parseOrgPath('/511124')).toBeNull();
    expect(orgPathDepth(grid)).toBe(4);
    expect(orgPathDepth('/')).toBe(0);
  });

  it('lists the path and every path above it, root first', () => {
    expect(ancestorPaths(grid)).toEqual(['/', '/511124/', '/511124/511124101/', '/511124/511124101/511124101201/', grid]);
    expect(ancestorPaths('/')).toEqual(['/']);
    expect(ancestorPaths('nonsense')).toEqual([]);
  });

  it('puts a unit within its own scope and the scopes above it, and not in a sibling whose code shares digits', () => {
    expect(isWithinScope(grid, '/511124/')).toBe(true);
    expect(isWithinScope(grid, grid)).toBe(true);
    expect(isWithinScope('/5111240/', '/511124/')).toBe(false);
    expect(isWithinScope('/511124/511124102/', '/511124/511124101/')).toBe(false);
    expect(isWithinScope('bad', '/')).toBe(false);
  });
});

describe('unit codes of a path, for scope on large tables', () => {
  it('reads the county, township and village codes of a grid’s path', () => {
    expect(unitCodesOfPath('/511124/511124101/511124101201/G01/')).toEqual({ countyCode: '511124', townshipCode: '511124101', villageCode: '511124101201' });
    expect(unitCodesOfPath('/511124/511124101/')).toEqual({ countyCode: '511124', townshipCode: '511124101', villageCode: null });
    expect(unitCodesOfPath('/')).toEqual({ countyCode: null, townshipCode: null, villageCode: null });
  });

  it('matches a county, township or village scope by its code and a grid scope by its path', () => {
    expect(scopeMatchOf('/')).toEqual({ level: 'all' });
    expect(scopeMatchOf('/511124/')).toEqual({ level: 'county', code: '511124' });
    expect(scopeMatchOf('/511124/511124101/')).toEqual({ level: 'township', code: '511124101' });
    expect(scopeMatchOf('/511124/511124101/511124101201/')).toEqual({ level: 'village', code: '511124101201' });
    expect(scopeMatchOf('/511124/511124101/511124101201/G01/')).toEqual({ level: 'grid', path: '/511124/511124101/511124101201/G01/' });
    expect(scopeMatchOf('/511124/511124101/511124101201/G01/x/')).toEqual({ level: 'path', path: '/511124/511124101/511124101201/G01/x/' });
  });
});

describe('unit names', () => {
  it('reads the kind of a 12-digit unit from its official name', () => {
    expect(villageKindFromName('马踏村村民委员会')).toBe('village');
    expect(villageKindFromName('民主街社区居民委员会')).toBe('community');
    expect(villageKindFromName('某某居委会')).toBe('community');
    expect(villageKindFromName('某某居民小组')).toBe('resident_group');
  });

  it('shortens the official name to the one people use', () => {
    expect(shortUnitName('马踏村村民委员会')).toBe('马踏村');
    expect(shortUnitName('民主街社区居民委员会')).toBe('民主街社区');
    expect(shortUnitName('研城街道办事处')).toBe('研城街道');
    expect(shortUnitName('马踏镇')).toBe('马踏镇');
    expect(shortUnitName(' 村民委员会 ')).toBe('村民委员会');
  });

  it('labels every kind in both languages', () => {
    for (const kind of ORG_UNIT_KINDS) {
      expect(ORG_UNIT_KIND_LABELS[kind]['zh-CN']).not.toBe('');
      expect(ORG_UNIT_KIND_LABELS[kind]['en-US']).not.toBe('');
    }
  });
});
