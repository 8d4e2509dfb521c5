// The Word file from figures built by hand: a month with units to criticise and a month with
// nothing to report both read as a complete official document (GB/T 9704 layout), and the date
// sits two characters right of the issuing unit's first character.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { BulletinFigures } from '@gridwork/core';
import { bulletinDocx, chineseDate, periodLabel } from './bulletin.document.js';
import { isCriticised, rankingLines, tallyCards, type CardCountRow } from './bulletin-figures.js';

const line = (rank: number, unitName: string, score: number) => ({ rank, unitId: unitName, unitName, parentName: '马踏镇', score });

function figures(overrides: Partial<BulletinFigures> = {}): BulletinFigures {
  return {
    period: '2026-11',
    from: '2026-11-01',
    to: '2026-11-30',
    countyName: '井研县',
    issuer: '井研县网格化服务管理中心',
    issuedOn: '2026-12-01',
    title: '关于2026年11月全县网格化服务管理工作考核情况的通报',
    overview: { eventsReported: 12, eventsClosed: 9, closureRate: 0.75, yellowCards: 5, redCards: 1, reportsSubmitted: 3, reportsAdopted: 1, villages: 3, departments: 1 },
    villages: { unitKind: 'village', ranked: 3, tooFew: 0, average: 90, top: [line(1, '马踏村', 98.5), line(2, '石牛村', 90), line(3, '高凤村', 81.5)], bottom: [] },
    departments: { unitKind: 'department', ranked: 0, tooFew: 1, average: null, top: [], bottom: [] },
    criticised: [{ unitKind: 'village', unitName: '高凤村', parentName: '马踏镇', yellowCards: 4, redCards: 1 }],
    adoptedReports: [{ title: '网格员夜巡化解纠纷', townshipName: '马踏镇', category: '经验做法', level: '市级采用', adoptedOn: '2026-11-12', subjectName: '张晓梅' }],
    exemplaryWorkers: [{ name: '张晓梅', villageName: '马踏村', reports: 1 }],
    ...overrides,
  };
}

async function paragraphs(bytes: Buffer): Promise<{ text: string[]; xml: string }> {
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
  return { xml, text: [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => [...match[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((text) => text[1]).join('')) };
}

describe('the bulletin as a Word file', () => {
  it('names the month, ranks the villages in a table, criticises by name and praises the adopted report', async () => {
    const { text, xml } = await paragraphs(await bulletinDocx(figures()));
    expect(text[0]).toBe('关于2026年11月全县网格化服务管理工作考核情况的通报');
    expect(text).toContain('一、总体情况');
    expect(text.find((paragraph) => paragraph.startsWith('2026年11月1日至2026年11月30日'))).toContain('结案率75.0%');
    expect(text).toContain('参与排名的村（社区）3个，平均得分90.0分。排名前3位的是：');
    expect(text).toContain('本期职能部门均因样本不足未予排名（1个）。');
    // The ranking table: header and one row per village, in rank order.
    expect(text.slice(text.indexOf('名次'), text.indexOf('名次') + 8)).toEqual(['名次', '单位', '所属乡镇', '得分', '1', '马踏村', '马踏镇', '98.5']);
    expect(text.find((paragraph) => paragraph.includes('予以通报批评'))).toContain('本期高凤村共1个单位');
    expect(text).toContain('1.马踏镇《网格员夜巡化解纠纷》（经验做法，市级采用）。');
    expect(text).toContain('马踏村张晓梅等网格员的工作事迹被信息采用，予以通报表扬。');
    expect(text.slice(-2)).toEqual(['井研县网格化服务管理中心', '2026年12月1日']);
    // 井研县网格化服务管理中心 is 12 characters two from the right: it starts 14 characters (4 480 twips)
    // left of the 156 mm type area's right edge (8 844 twips); the date starts 2 characters after it.
    expect(xml).toContain('<w:ind w:right="640"/>');
    expect(xml).toContain(`<w:ind w:left="${8844 - 14 * 320 + 2 * 320}"/>`);
  });

  it('says so when there is nothing to criticise, no report adopted and no event', async () => {
    const quiet = figures({
      overview: { eventsReported: 0, eventsClosed: 0, closureRate: null, yellowCards: 0, redCards: 0, reportsSubmitted: 0, reportsAdopted: 0, villages: 0, departments: 0 },
      villages: { unitKind: 'village', ranked: 0, tooFew: 0, average: null, top: [], bottom: [] },
      criticised: [],
      adoptedReports: [],
      exemplaryWorkers: [],
    });
    const { text } = await paragraphs(await bulletinDocx(quiet));
    expect(text.filter((paragraph) => /^[一二三四]、/.test(paragraph))).toEqual(['一、总体情况', '二、考核排名', '三、通报批评', '四、好的做法']);
    expect(text.find((paragraph) => paragraph.startsWith('2026年11月1日'))).not.toContain('结案率');
    expect(text).toContain('本期没有被亮红牌或单月黄牌超过3张的单位。');
    expect(text).toContain('本期没有被采用的信息报送。');
    expect(text).not.toContain('名次');
  });

  it('writes dates and periods as documents do', () => {
    expect(chineseDate('2026-12-01')).toBe('2026年12月1日');
    expect(periodLabel('2026-03')).toBe('2026年3月');
    expect(periodLabel('2026')).toBe('2026年');
  });
});

describe('the top and bottom of a ranking', () => {
  const unit = (unitId: string, rank: number | null, score: number, path = `/511124/511124101/${unitId}/`) => ({
    unitKind: 'village' as const, unitId, unitName: unitId, path, parentName: null, score, rank, tooFew: rank === null, items: [], deductions: [],
  });
  const ranking = (units: ReturnType<typeof unit>[]) => ({ period: '2026-11', unitKind: 'village' as const, schemeId: 's', schemeYear: 2026, schemeVersion: 1, computedAt: '', units });

  it('takes the first 10 and the last 5 ranked, never twice, and counts those too few to rank', () => {
    const units = Array.from({ length: 13 }, (_, index) => unit(`v${index + 1}`, index + 1, 100 - index));
    const lines = rankingLines(ranking([...units, unit('new', null, 0)]), 'village');
    expect(lines.top.map((entry) => entry.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lines.bottom.map((entry) => entry.rank)).toEqual([11, 12, 13]);
    expect({ ranked: lines.ranked, tooFew: lines.tooFew, average: lines.average }).toEqual({ ranked: 13, tooFew: 1, average: 94 });
  });

  it('keeps the units of a scope with their county ranks', () => {
    const lines = rankingLines(ranking([unit('a', 1, 99), unit('b', 2, 98, '/511124/511124102/b/'), unit('c', 3, 97)]), 'village', '/511124/511124101/');
    expect(lines.top.map((entry) => `${entry.unitName}:${entry.rank}`)).toEqual(['a:1', 'c:3']);
  });
});

describe('the units criticised (通报批评)', () => {
  const MATA = '/511124/511124101/511124101001/';
  const SHINIU = '/511124/511124101/511124101002/';
  const ZHUYUAN = '/511124/511124102/511124102001/';
  const GAOFENG = '/511124/511124102/511124102002/';
  const card = (unit_path: string, level: 'yellow' | 'red', month: string, cards: number, department_id: string | null = null): CardCountRow => ({ unit_path, level, month, cards, department_id });
  const departments = [{ id: 'police', name: '马踏派出所', org_path: '/511124/511124101/' }, { id: 'water', name: '县水务局', org_path: '/511124/' }];

  it('counts event and visit cards of a village together, month by month: a red card, or more than 3 yellow in one month', () => {
    const cards = tallyCards(
      [
        // 马踏村: 2 yellow event cards and 2 yellow visit cards (one of a grid) in November: 4 > 3.
        card(MATA, 'yellow', '2026-11', 2),
        card(MATA, 'yellow', '2026-11', 1),
        card(`${MATA}G01/`, 'yellow', '2026-11', 1),
        // 石牛村: 3 yellow in October and 3 in November: never more than 3 in a month.
        card(SHINIU, 'yellow', '2026-10', 3),
        card(SHINIU, 'yellow', '2026-11', 3),
        // 竹园村: one red visit card.
        card(`${ZHUYUAN}G02/`, 'red', '2026-11', 1),
        // 高峰村: exactly 3 yellow.
        card(GAOFENG, 'yellow', '2026-11', 3),
        // 马踏派出所: 4 yellow of its own; 县水务局: 1 yellow. A department's cards are not its village's.
        card(MATA, 'yellow', '2026-11', 4, 'police'),
        card(GAOFENG, 'yellow', '2026-11', 1, 'water'),
      ],
      departments,
    );
    const criticised = (tallies: Map<string, Parameters<typeof isCriticised>[0]>) => [...tallies.entries()].filter(([, tally]) => isCriticised(tally)).map(([key]) => key).sort();
    expect(criticised(cards.villages)).toEqual([MATA, ZHUYUAN].sort());
    expect(cards.villages.get(MATA)).toMatchObject({ yellow: 4, red: 0 });
    expect(cards.villages.get(SHINIU)).toMatchObject({ yellow: 6, red: 0 });
    expect(criticised(cards.departments)).toEqual(['police']);
    // Cards per township: 马踏镇 4 + 6 (villages) + 4 (its police station); 竹园镇 1 red + 3; the county's department 1.
    expect(Object.fromEntries(cards.townships)).toEqual({
      '/511124/511124101/': { yellow: 14, red: 0 },
      '/511124/511124102/': { yellow: 3, red: 1 },
      县直部门: { yellow: 1, red: 0 },
    });
    expect({ yellow: cards.yellow, red: cards.red }).toEqual({ yellow: 18, red: 1 });
  });
});
