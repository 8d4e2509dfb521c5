// Where a refusal of the survey form belongs: the server and the questionnaire check name fields as
// paths — `questions[2].options` (the checks), `questions.2.options.1.label` (the schema) — and
// the form shows each on its own item: question 3's options, its kind, its text, the period…
import type { SurveyProblem } from '@gridwork/core';

export type FormName = (string | number)[];
type Translate = (zh: string, en: string) => string;

const TOP_FIELDS = ['title', 'year', 'half', 'samplePerVillage', 'seed', 'villageIds'];

/** `questions[2].options[1].label` or `questions.2.options.1.label` → ['questions', 2, 'options', 1, 'label']. */
export function fieldPath(field: string): FormName {
  return field
    .replace(/^(body|querystring|params)\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** The form item that shows a refusal of `field`, or null when the form has no such item. */
export function formNameOf(field: string): FormName | null {
  const [top, index, part, optionIndex, optionPart] = fieldPath(field);
  if (top === 'startsOn' || top === 'endsOn') return ['period'];
  if (typeof top === 'string' && TOP_FIELDS.includes(top)) return [top];
  if (top !== 'questions') return null;
  if (typeof index !== 'number') return ['questions'];
  if (part === 'options') {
    if (typeof optionIndex === 'number' && (optionPart === 'label' || optionPart === 'positive')) return ['questions', index, 'options', optionIndex, optionPart];
    return ['questions', index, 'options'];
  }
  if (part === 'kind') return ['questions', index, 'kind'];
  // The text, or the id the form gives each question itself: shown on the question's text.
  return ['questions', index, 'text'];
}

/** The field in words: 第 3 题的选项, Question 3 option 2… */
export function fieldLabel(field: string, t: Translate): string {
  const [top, index, part, optionIndex] = fieldPath(field);
  if (top === 'startsOn') return t('开始日期', 'Start date');
  if (top === 'endsOn') return t('结束日期', 'End date');
  if (top === 'samplePerVillage') return t('每村抽样人数', 'Sample per village');
  if (top === 'villageIds') return t('调查村（社区）', 'Villages');
  if (top !== 'questions' || typeof index !== 'number') return top === 'questions' ? t('问卷', 'Questionnaire') : field;
  const n = index + 1;
  if (part === 'options') return typeof optionIndex === 'number' ? t(`第 ${n} 题选项 ${optionIndex + 1}`, `Question ${n} option ${optionIndex + 1}`) : t(`第 ${n} 题的选项`, `Question ${n}'s options`);
  if (part === 'kind') return t(`第 ${n} 题的类型`, `Question ${n}'s kind`);
  return t(`第 ${n} 题`, `Question ${n}`);
}

/** A server message with the raw path written as the operator reads it (questions[2].options → 第 3 题的选项). */
export function readableMessage(message: string, field: string, t: Translate): string {
  return message.split(field).join(fieldLabel(field, t));
}

/** What is wrong, said on the field, for a problem the questionnaire check found before sending. */
export function problemText(problem: SurveyProblem, t: Translate): string {
  switch (problem.rule) {
    case 'satisfaction_in_h1':
      return t('上半年调查只问知晓率：请改为知晓题或开放题，或把调查改为下半年', 'A first-half survey asks awareness only: make it an awareness or free question, or pick the second half');
    case 'options_required':
      return t('至少两个选项', 'At least two options');
    case 'positive_option_required':
      return t('至少一个选项计为知晓/满意', 'Tick at least one option that counts');
    case 'options_not_allowed':
      return t('开放题不带选项', 'A free question takes no options');
    case 'duplicate_id':
      return t('题目重复，请删除一道', 'This question repeats another: remove one');
    case 'no_question':
      return t('至少要有一道知晓或满意题', 'Add at least one awareness or satisfaction question');
    default:
      return t(`${fieldLabel(problem.field, t)}有误`, `${fieldLabel(problem.field, t)} is invalid`);
  }
}
