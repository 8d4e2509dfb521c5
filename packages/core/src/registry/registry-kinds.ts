// The registry's kinds beside people: households (户), houses and buildings, organisations,
// key places and facilities (部件). Each kind names its categories (a house's use, an
// organisation's type, a place's or facility's kind), the states it can be in, and whether it
// carries a unique key (a household number, a credit code, a facility code). One table of kinds
// drives validation, the API and the labels.
import type { Locale } from '../i18n/locale.js';

type Labels = Readonly<Record<Locale, string>>;

export const RECORD_KINDS = ['household', 'house', 'organisation', 'place', 'facility'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordKindDefinition {
  readonly label: Labels;
  readonly categories: Readonly<Record<string, Labels>>;
  readonly states: Readonly<Record<string, Labels>>;
  /** What the unique key is, if the kind has one. */
  readonly key: { readonly label: Labels; readonly required: boolean } | null;
  /** Kinds whose members are people, and how a member relates. */
  readonly members: { readonly relations: Readonly<Record<string, Labels>> } | null;
}

export const HOUSEHOLD_RELATIONS = {
  head: { 'zh-CN': '户主', 'en-US': 'Head' },
  spouse: { 'zh-CN': '配偶', 'en-US': 'Spouse' },
  child: { 'zh-CN': '子女', 'en-US': 'Child' },
  parent: { 'zh-CN': '父母', 'en-US': 'Parent' },
  grandchild: { 'zh-CN': '孙子女', 'en-US': 'Grandchild' },
  grandparent: { 'zh-CN': '祖父母', 'en-US': 'Grandparent' },
  sibling: { 'zh-CN': '兄弟姐妹', 'en-US': 'Sibling' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
} as const satisfies Record<string, Labels>;

export const RECORD_KIND_DEFINITIONS: Readonly<Record<RecordKind, RecordKindDefinition>> = {
  household: {
    label: { 'zh-CN': '户', 'en-US': 'Household' },
    categories: {
      family: { 'zh-CN': '家庭户', 'en-US': 'Family household' },
      collective: { 'zh-CN': '集体户', 'en-US': 'Collective household' },
    },
    states: {
      active: { 'zh-CN': '在册', 'en-US': 'Active' },
      dissolved: { 'zh-CN': '已销户', 'en-US': 'Dissolved' },
    },
    key: { label: { 'zh-CN': '户号', 'en-US': 'Household number' }, required: false },
    members: { relations: HOUSEHOLD_RELATIONS },
  },
  house: {
    label: { 'zh-CN': '房屋', 'en-US': 'House' },
    categories: {
      self_occupied: { 'zh-CN': '自住', 'en-US': 'Self-occupied' },
      rental: { 'zh-CN': '出租屋', 'en-US': 'Rental' },
      vacant: { 'zh-CN': '空置', 'en-US': 'Vacant' },
      commercial: { 'zh-CN': '商用', 'en-US': 'Commercial' },
    },
    states: {
      active: { 'zh-CN': '在用', 'en-US': 'In use' },
      demolished: { 'zh-CN': '已拆除', 'en-US': 'Demolished' },
    },
    key: null,
    members: {
      relations: {
        owner: { 'zh-CN': '房主', 'en-US': 'Owner' },
        resident: { 'zh-CN': '居住人', 'en-US': 'Resident' },
        tenant: { 'zh-CN': '承租人', 'en-US': 'Tenant' },
      },
    },
  },
  organisation: {
    label: { 'zh-CN': '组织', 'en-US': 'Organisation' },
    categories: {
      enterprise: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
      individual_business: { 'zh-CN': '个体工商户', 'en-US': 'Individual business' },
      social_organisation: { 'zh-CN': '社会组织', 'en-US': 'Social organisation' },
      public_institution: { 'zh-CN': '机关事业单位', 'en-US': 'Public institution' },
      other: { 'zh-CN': '其他', 'en-US': 'Other' },
    },
    states: {
      active: { 'zh-CN': '经营中', 'en-US': 'Operating' },
      closed: { 'zh-CN': '已关闭', 'en-US': 'Closed' },
    },
    key: { label: { 'zh-CN': '统一社会信用代码', 'en-US': 'Unified social credit code' }, required: false },
    members: null,
  },
  place: {
    label: { 'zh-CN': '重点场所', 'en-US': 'Key place' },
    categories: {
      school: { 'zh-CN': '学校幼儿园', 'en-US': 'School or kindergarten' },
      market: { 'zh-CN': '集贸市场', 'en-US': 'Market' },
      hazardous: { 'zh-CN': '危化品场所', 'en-US': 'Hazardous-materials site' },
      gathering: { 'zh-CN': '人员密集场所', 'en-US': 'Crowded place' },
      religious: { 'zh-CN': '宗教活动场所', 'en-US': 'Religious site' },
      water: { 'zh-CN': '水域危险点', 'en-US': 'Dangerous water' },
      other: { 'zh-CN': '其他', 'en-US': 'Other' },
    },
    states: {
      active: { 'zh-CN': '在用', 'en-US': 'In use' },
      closed: { 'zh-CN': '已关闭', 'en-US': 'Closed' },
    },
    key: null,
    members: null,
  },
  facility: {
    label: { 'zh-CN': '部件', 'en-US': 'Facility' },
    categories: {
      manhole: { 'zh-CN': '井盖', 'en-US': 'Manhole cover' },
      street_lamp: { 'zh-CN': '路灯', 'en-US': 'Street lamp' },
      camera: { 'zh-CN': '监控探头', 'en-US': 'Camera' },
      fire_hydrant: { 'zh-CN': '消防栓', 'en-US': 'Fire hydrant' },
      waste_bin: { 'zh-CN': '垃圾桶', 'en-US': 'Waste bin' },
      sign: { 'zh-CN': '标识牌', 'en-US': 'Sign' },
      other: { 'zh-CN': '其他', 'en-US': 'Other' },
    },
    states: {
      active: { 'zh-CN': '完好', 'en-US': 'Working' },
      damaged: { 'zh-CN': '损坏', 'en-US': 'Damaged' },
      missing: { 'zh-CN': '丢失', 'en-US': 'Missing' },
      removed: { 'zh-CN': '已拆除', 'en-US': 'Removed' },
    },
    key: { label: { 'zh-CN': '部件编号', 'en-US': 'Facility code' }, required: false },
    members: null,
  },
};

/** States that end a record's life: reaching one needs a reason. */
export const ENDING_STATES: readonly string[] = ['dissolved', 'demolished', 'closed', 'removed'];

export function isRecordCategory(kind: RecordKind, category: string): boolean {
  return Object.hasOwn(RECORD_KIND_DEFINITIONS[kind].categories, category);
}

export function isRecordState(kind: RecordKind, state: string): boolean {
  return Object.hasOwn(RECORD_KIND_DEFINITIONS[kind].states, state);
}

export function isMemberRelation(kind: RecordKind, relation: string): boolean {
  const members = RECORD_KIND_DEFINITIONS[kind].members;
  return members !== null && Object.hasOwn(members.relations, relation);
}
