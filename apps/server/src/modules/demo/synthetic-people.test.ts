import { describe, expect, it } from 'vitest';
import { PERSON_COLUMNS, readPersonRow } from '@gridwork/core';
import { syntheticPeople } from './synthetic-people.js';

const places = [
  { villageCode: '511124101201', villageName: '马踏村', gridCodes: ['G01', 'G02', 'G03'] },
  { villageCode: '511124101202', villageName: '石牛村', gridCodes: ['G01'] },
  { villageCode: '511124101203', villageName: '无网格村', gridCodes: [] },
];

describe('synthetic people', () => {
  it('makes exactly as many people as asked, each a row the import accepts, with unique valid ID numbers', () => {
    const people = [...syntheticPeople({ seed: 7, count: 5000, countyCode: '511124', places, today: '2026-11-25' })];
    expect(people).toHaveLength(5000);
    const numbers = new Set(people.map((person) => person.idNumber));
    expect(numbers.size).toBe(5000);
    for (const person of people) expect(readPersonRow(person, '2026-11-25')).toMatchObject({ ok: true });
    expect(new Set(people.map((person) => person.village))).toEqual(new Set(['511124101201', '511124101202']));
    expect(Object.keys(people[0]!).sort()).toEqual(PERSON_COLUMNS.map((column) => column.key).sort());
  });

  it('looks like a county: mostly registered here, some floating from elsewhere in Sichuan, households sharing an address', () => {
    const people = [...syntheticPeople({ seed: 1, count: 20_000, countyCode: '511124', places, today: '2026-11-25' })];
    const share = (test: (person: (typeof people)[number]) => boolean) => people.filter(test).length / people.length;
    expect(share((person) => person.residenceStatus === '户籍人口')).toBeGreaterThan(0.75);
    expect(share((person) => person.residenceStatus === '流动人口')).toBeGreaterThan(0.08);
    expect(share((person) => person.idNumber.startsWith('511124'))).toBeGreaterThan(0.75);
    expect(share((person) => person.phone !== '')).toBeGreaterThan(0.4);
    expect(new Set(people.map((person) => person.address)).size).toBeLessThan(people.length / 1.5);
  });

  it('gives the same people for the same seed, and others for another', () => {
    const first = [...syntheticPeople({ seed: 3, count: 100, countyCode: '511124', places, today: '2026-11-25' })];
    expect([...syntheticPeople({ seed: 3, count: 100, countyCode: '511124', places, today: '2026-11-25' })]).toEqual(first);
    expect([...syntheticPeople({ seed: 4, count: 100, countyCode: '511124', places, today: '2026-11-25' })]).not.toEqual(first);
  });
});
