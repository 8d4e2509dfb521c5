// One question of the residents' form: a choice as large tappable rows (radio buttons inside their
// labels), or a text box for a free question.
import { SURVEY_FREE_ANSWER_MAX, type PublicSurvey, type SurveyAnswerValue } from '@gridwork/core';
import { w } from './public-survey-words.js';

interface QuestionProps {
  readonly question: PublicSurvey['questions'][number];
  readonly number: number;
  readonly value: SurveyAnswerValue | undefined;
  readonly missing: boolean;
  onChange(value: SurveyAnswerValue): void;
}

export function PublicSurveyQuestion({ question, number, value, missing, onChange }: QuestionProps) {
  const id = `ps-q-${question.id}`;
  if (question.kind === 'free')
    return (
      <div className="ps-question">
        <label className="ps-question-text" htmlFor={id}>
          {number}. {question.text}
          <span className="ps-optional">{w('（选填）', ' (optional)')}</span>
        </label>
        <textarea id={id} className="ps-textarea" rows={3} maxLength={SURVEY_FREE_ANSWER_MAX} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)} />
      </div>
    );
  return (
    <fieldset className={missing ? 'ps-question ps-missing' : 'ps-question'} aria-invalid={missing || undefined} id={id}>
      <legend className="ps-question-text">
        {number}. {question.text}
      </legend>
      {(question.options ?? []).map((option, index) => (
        <label key={index} className={value === index ? 'ps-option ps-chosen' : 'ps-option'}>
          <input type="radio" name={id} checked={value === index} aria-describedby={missing ? `${id}-error` : undefined} onChange={() => onChange(index)} />
          <span>{option.label}</span>
        </label>
      ))}
      {missing && (
        <p className="ps-field-error" id={`${id}-error`}>
          {w('请选择一项', 'Please pick one')}
        </p>
      )}
    </fieldset>
  );
}
