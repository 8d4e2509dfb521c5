// Surveys, scoring schemes, scores and bulletins (migration 0021, which says why each column exists).
import type { Flag } from './account.table.js';

export interface SurveyTable {
  id: string;
  title: string;
  year: number;
  half: 'H1' | 'H2';
  starts_on: string;
  ends_on: string;
  sample_per_village: number;
  seed: string;
  /** JSON of the questions. */
  questions: string;
  status: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SurveyVillageTable {
  survey_id: string;
  village_id: string;
  village_path: string;
  public_code: string;
  adult_population: number;
  sample_size: number;
}

export interface SurveySampleTable {
  survey_id: string;
  village_id: string;
  person_id: string;
  ordinal: number;
}

export interface SurveyAnswerTable {
  id: string;
  survey_id: string;
  village_id: string;
  village_path: string;
  channel: 'phone' | 'field' | 'public';
  person_id: string | null;
  phone_index: string | null;
  /** JSON {questionId: option index or text}. */
  answers: string;
  aware: Flag | null;
  satisfied: Flag | null;
  entered_by: string | null;
  client_key: string | null;
  created_at: string;
}

export interface ScoreSchemeTable {
  id: string;
  year: number;
  version: number;
  /** JSON of ScoreSchemeBody. */
  body: string;
  note: string;
  created_by: string;
  created_at: string;
}

export interface ScoreResultTable {
  id: string;
  scheme_id: string;
  /** 2026-11 or 2026. */
  period: string;
  unit_kind: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  score: number;
  rank: number | null;
  too_few: Flag;
  /** JSON of the score's items and deductions. */
  details: string;
  computed_at: string;
}

export interface BulletinTable {
  id: string;
  period: string;
  kind: 'monthly' | 'on_demand';
  title: string;
  docx_attachment_id: string;
  xlsx_attachment_id: string;
  /** JSON of the figures it was written from. */
  summary: string;
  created_by: string | null;
  created_at: string;
}
