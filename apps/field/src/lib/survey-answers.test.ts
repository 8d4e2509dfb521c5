import { describe, expect, it } from 'vitest';
import { answersToSend, unansweredQuestions } from './survey-answers.js';

const QUESTIONS = [
  { id: 'q1', kind: 'awareness' },
  { id: 'q2', kind: 'free' },
  { id: 'q3', kind: 'satisfaction' },
  { id: 'q4', kind: 'awareness' },
] as const;

describe('survey answer sheets', () => {
  it('lists the choice questions still unanswered, in order, never the free ones', () => {
    expect(unansweredQuestions(QUESTIONS, {})).toEqual(['q1', 'q3', 'q4']);
    // Option 0 is an answer; text on a choice question is not.
    expect(unansweredQuestions(QUESTIONS, { q1: 0, q3: 'yes', q4: 2 })).toEqual(['q3']);
    expect(unansweredQuestions(QUESTIONS, { q1: 1, q3: 0, q4: 0 })).toEqual([]);
  });

  it('sends choices as they are, free text trimmed, and leaves blank free text out', () => {
    expect(answersToSend({ q1: 0, q2: '  门口访问 \n', q3: 2 })).toEqual({ q1: 0, q2: '门口访问', q3: 2 });
    expect(answersToSend({ q1: 1, q2: '   ' })).toEqual({ q1: 1 });
  });
});
