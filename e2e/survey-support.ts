// What the survey journeys share: a survey of one village made and opened by the county through
// the API (so each journey starts from its own, whatever the demo holds).
import type { Browser, BrowserContext } from 'playwright-core';
import { shanghaiDate, type OrgUnit, type Survey } from '@gridwork/core';
import type { DemoConsole } from './console-support.js';

/** A cheap Android phone: 360×740, touch, Shanghai time, in Chinese unless told. */
export function phoneContext(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale, timezoneId: 'Asia/Shanghai' });
}

export const SURVEY_QUESTIONS = [
  { id: 'q1', kind: 'awareness', text: '您知道本村（社区）的网格员是谁吗？', options: [{ label: '知道', positive: true }, { label: '不知道', positive: false }] },
  { id: 'q2', kind: 'satisfaction', text: '您对网格员的服务满意吗？', options: [{ label: '满意', positive: true }, { label: '基本满意', positive: true }, { label: '不满意', positive: false }] },
  { id: 'q3', kind: 'free', text: '您还有什么意见和建议？' },
] as const;

/** The id of a village found by township and the start of its name (马踏村 → 马踏村村民委员会). */
export async function villageId(demo: DemoConsole, cookie: string, townshipName: string, villageName: string): Promise<string> {
  const children = async (parentId?: string) => (await demo.apiCall<{ items: OrgUnit[] }>(cookie, 'GET', `/api/org-units${parentId ? `?parentId=${parentId}` : ''}`)).items;
  const [county] = await children();
  const township = (await children(county!.id)).find((unit) => unit.name === townshipName);
  const village = (await children(township!.id)).find((unit) => unit.name.startsWith(villageName));
  if (!village) throw new Error(`no village ${villageName} in ${townshipName}`);
  return village.id;
}

/** A draft second-half survey of the given villages, 3 people a village to draw. */
export async function draftSurveyOf(demo: DemoConsole, county: string, villages: readonly string[], title: string): Promise<Survey> {
  const today = shanghaiDate(Date.now());
  const year = Number(today.slice(0, 4));
  return demo.apiCall<Survey>(county, 'POST', '/api/surveys', {
    clientKey: crypto.randomUUID(),
    title,
    year,
    half: 'H2',
    startsOn: today,
    endsOn: `${year}-12-31`,
    samplePerVillage: 3,
    seed: 'e2e',
    questions: SURVEY_QUESTIONS,
    villageIds: villages,
  });
}

/** An open second-half survey of one village, drawn 3 people. */
export async function openSurveyOf(demo: DemoConsole, county: string, village: string, title: string): Promise<Survey> {
  const created = await draftSurveyOf(demo, county, [village], title);
  return demo.apiCall<Survey>(county, 'POST', `/api/surveys/${created.id}/open`, {});
}
