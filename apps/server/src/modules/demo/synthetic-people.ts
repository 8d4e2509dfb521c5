// Synthetic people for a county, realistic enough to exercise the registry and its benchmarks:
// common Chinese surnames and given names, households sharing a surname and an address, valid
// resident ID numbers (GB 11643 check digit) issued in the county or, for the floating
// population, in other counties of Sichuan, ages from newborn to 95, phones for most adults,
// and the tags a township tracks. Seedable: the same seed and places give the same people.
import { PERSON_TAG_LABELS, RESIDENCE_STATUS_LABELS, idNumberCheckCharacter, type PersonColumnKey, type PersonTag } from '@gridwork/core';

export interface SyntheticPlace {
  readonly villageCode: string;
  readonly villageName: string;
  readonly gridCodes: readonly string[];
}

export type SyntheticPerson = Record<PersonColumnKey, string>;

/** A deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The most common surnames, roughly by frequency, and characters of given names.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥建国建华文志明永福海燕春梅小红德兵国强成林家豪子轩浩宇欣怡梓涵雨桐一诺思远天佑俊杰晓东云凤';
// Other counties of Sichuan, where the floating population's cards were issued.
const OTHER_AREAS: Readonly<Record<string, string>> = {
  '510104': '成都市锦江区',
  '510107': '成都市武侯区',
  '510722': '绵阳市三台县',
  '511102': '乐山市市中区',
  '511132': '乐山市峨边彝族自治县',
  '511321': '南充市南部县',
  '511621': '广安市岳池县',
  '512021': '资阳市安岳县',
  '513401': '凉山州西昌市',
  '511922': '巴中市南江县',
};
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '彝族', '藏族', '回族'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function givenName(random: () => number): string {
  const chars = [...GIVEN];
  return random() < 0.35 ? pick(random, chars) : pick(random, chars) + pick(random, chars);
}

/**
 * Yields `count` people spread over `places`, in households of one to six. `today` (YYYY-MM-DD)
 * bounds birth dates; `countyCode` is where registered residents' cards were issued.
 */
export function* syntheticPeople(options: SyntheticOptions): Generator<SyntheticPerson> {
  for (const member of syntheticHouseholdMembers(options)) yield member.person;
}

export interface SyntheticOptions {
  readonly seed: number;
  readonly count: number;
  readonly countyCode: string;
  readonly places: readonly SyntheticPlace[];
  readonly today: string;
}

/** A synthetic person with the household they belong to (numbered from 1) and their relation to its head. */
export interface SyntheticMember {
  readonly person: SyntheticPerson;
  readonly household: number;
  readonly relation: 'head' | 'spouse' | 'child';
}

export function* syntheticHouseholdMembers(options: SyntheticOptions): Generator<SyntheticMember> {
  const { count, countyCode, places, today } = options;
  if (places.length === 0 || places.every((place) => place.gridCodes.length === 0)) throw new RangeError('synthetic people need at least one grid');
  const random = seededRandom(options.seed);
  const usable = places.filter((place) => place.gridCodes.length > 0);
  const thisYear = Number(today.slice(0, 4));
  /** Serial numbers already given per area and birth date, so every ID number is unique. */
  const serials = new Map<string, number>();
  let made = 0;
  let household = 0;
  while (made < count) {
    household += 1;
    const place = pick(random, usable);
    const grid = pick(random, place.gridCodes);
    const surname = pick(random, [...SURNAMES.slice(0, 20), ...SURNAMES]);
    const floating = random() < 0.13;
    const overseas = !floating && random() < 0.015;
    const area = floating ? pick(random, Object.keys(OTHER_AREAS)) : countyCode;
    const address = `${place.villageName}${1 + Math.floor(random() * 12)}组${1 + Math.floor(random() * 80)}号`;
    const size = Math.min(count - made, 1 + Math.floor(random() * random() * 6));
    const headAge = 25 + Math.floor(random() * 60);
    for (let member = 0; member < size; member += 1) {
      const age = member === 0 ? headAge : member === 1 ? Math.max(18, headAge + Math.floor(random() * 7) - 3) : Math.max(0, headAge - 20 - Math.floor(random() * 15));
      const year = Math.min(thisYear, thisYear - age);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
      const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (birthDate > today) continue;
      const male = member === 0 ? random() < 0.55 : random() < 0.5;
      const key = `${area}${birth}`;
      const taken = serials.get(key) ?? 0;
      // The 3-digit order code ends odd for men, even for women: 500 of each per area and day.
      if (taken >= 499) continue;
      serials.set(key, taken + 1);
      const order = String(taken * 2 + (male ? 1 : 0)).padStart(3, '0');
      const first17 = `${area}${birth}${order}`;
      const tags: PersonTag[] = [];
      if (age >= 70 && size === 1 && random() < 0.5) tags.push('elderly_alone');
      if (age < 16 && random() < 0.12) tags.push('left_behind_child');
      if (age >= 60 && size > 1 && random() < 0.08) tags.push('left_behind_elderly');
      if (random() < 0.02) tags.push('disabled');
      if (random() < 0.03) tags.push('low_income');
      if (male && age >= 22 && random() < 0.02) tags.push('veteran');
      const residence = overseas ? 'overseas' : floating ? 'floating' : 'registered';
      made += 1;
      const person: SyntheticPerson = {
        name: (member === 1 ? pick(random, [...SURNAMES]) : surname) + givenName(random),
        idType: '居民身份证',
        idNumber: first17 + idNumberCheckCharacter(first17),
        gender: male ? '男' : '女',
        ethnicity: pick(random, ETHNICITIES),
        birthDate,
        phone: age >= 16 && random() < 0.75 ? `1${pick(random, ['3', '5', '7', '8', '9'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}` : '',
        hukouPlace: floating ? `四川省${OTHER_AREAS[area]}` : place.villageName,
        address,
        residenceStatus: RESIDENCE_STATUS_LABELS[residence]['zh-CN'],
        tags: tags.map((tag) => PERSON_TAG_LABELS[tag]['zh-CN']).join('、'),
        village: place.villageCode,
        grid,
      };
      yield { person, household, relation: member === 0 ? 'head' : member === 1 ? 'spouse' : 'child' };
      if (made >= count) return;
    }
    if (household > count * 10) throw new RangeError('cannot place that many people in so few places');
  }
}
