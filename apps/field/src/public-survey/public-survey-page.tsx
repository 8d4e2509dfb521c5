// The residents' questionnaire: the village and the questions, the phone number (one answer per
// phone: the server keeps only a keyed index of it), one submit, and a clear word for each outcome —
// thanks; this phone already answered (409); too many answers from here, try later (429); the
// survey is closed or the code unknown (404); no network (the same answer can be sent again safely).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { parsePhone, type PublicSurvey, type SurveyAnswerValue } from '@gridwork/core';
import { answersToSend, unansweredQuestions } from '../lib/survey-answers.js';
import { fetchPublicSurvey, submitPublicAnswer, type PublicFailure } from './public-survey-api.js';
import { PublicSurveyQuestion } from './public-survey-question.js';
import { publicLocale, w } from './public-survey-words.js';

type Loaded = { state: 'loading' } | { state: 'closed' } | { state: 'network' } | { state: 'ready'; survey: PublicSurvey };

function failureWords(failure: PublicFailure): string {
  switch (failure.kind) {
    case 'already_answered':
      return w('这个手机号已经参加过本次调查，每个手机号只能提交一次。感谢您的支持！', 'This phone number has already answered this survey: one answer per phone. Thank you!');
    case 'too_many': {
      const minutes = failure.retryAfterSeconds ? Math.ceil(failure.retryAfterSeconds / 60) : null;
      return minutes
        ? w(`提交太频繁，请 ${minutes} 分钟后再试。`, `Too many answers from here: please try again in ${minutes} minute(s).`)
        : w('提交太频繁，请稍后再试。', 'Too many answers from here: please try again later.');
    }
    case 'closed':
      return w('本次调查已结束，感谢您的关注。', 'This survey has ended. Thank you for your interest.');
    case 'refused':
      return failure.message;
    case 'network':
      return w('网络不通，答卷还在，请检查网络后再点提交。', 'No connection: your answers are kept, submit again when you are online.');
  }
}

/** Moves the focus (and the view) to the first field to mend: a question's first choice, or the phone box. */
function focusField(questionId: string | null): void {
  const target = questionId ? document.querySelector<HTMLElement>(`#ps-q-${CSS.escape(questionId)} input`) : document.getElementById('ps-phone');
  target?.focus({ preventScroll: true });
  target?.scrollIntoView({ block: 'center' });
}

export function PublicSurveyPage({ code }: { code: string }) {
  const locale = publicLocale();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [answers, setAnswers] = useState<Record<string, SurveyAnswerValue>>({});
  const [phone, setPhone] = useState('');
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [phoneError, setPhoneError] = useState('');
  const [failure, setFailure] = useState<PublicFailure | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  // Kept across retries after a network failure (the server answers a repeat with the first
  // result); a new one after any answer from the server, since the phone or answers may change.
  const clientKey = useRef(crypto.randomUUID());
  // A second tap while the first is on its way sends nothing (the state's re-render may lag a tap).
  const inFlight = useRef(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!code) return;
    void fetchPublicSurvey(code, locale).then((result) =>
      setLoaded(result.ok ? { state: 'ready', survey: result.value } : { state: result.failure.kind === 'network' ? 'network' : 'closed' }),
    );
  }, [code, locale, attempt]);

  if (!code || loaded.state === 'closed')
    return (
      <main className="ps-page">
        <section className="ps-card ps-message" role="status" data-testid="public-survey-closed">
          <h1>{code ? w('调查已结束', 'Survey closed') : w('二维码不完整', 'Incomplete code')}</h1>
          <p>{code ? w('本次调查已结束或二维码已失效，感谢您的关注。', 'This survey has ended or the code is no longer valid. Thank you.') : w('请重新扫描村（社区）张贴的二维码。', 'Please scan the code posted in your village again.')}</p>
        </section>
      </main>
    );
  if (loaded.state === 'loading') return <main className="ps-page"><p className="ps-card">{w('正在打开问卷……', 'Opening the questionnaire…')}</p></main>;
  if (loaded.state === 'network')
    return (
      <main className="ps-page">
        <section className="ps-card ps-message" role="alert">
          <h1>{w('网络不通', 'No connection')}</h1>
          <p>{w('请检查网络后再试。', 'Check the connection and try again.')}</p>
          <button
            type="button"
            className="ps-submit"
            onClick={() => {
              setLoaded({ state: 'loading' });
              setAttempt((before) => before + 1);
            }}
          >
            {w('重试', 'Try again')}
          </button>
        </section>
      </main>
    );
  const { survey } = loaded;
  if (done)
    return (
      <main className="ps-page">
        <section className="ps-card ps-message ps-done" role="status" data-testid="public-survey-done">
          <h1>{w('提交成功', 'Submitted')}</h1>
          <p>{w('感谢您参与调查！您的意见将帮助我们做好网格化服务。', 'Thank you for answering! Your views help us improve the service.')}</p>
        </section>
      </main>
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    setFailure(null);
    const unanswered = unansweredQuestions(survey.questions, answers);
    const parsed = parsePhone(phone);
    setMissing(new Set(unanswered));
    setPhoneError(phone.trim() === '' ? w('请填写手机号', 'Enter your phone number') : parsed.ok ? '' : w('手机号格式不对，请检查', 'This phone number does not look right'));
    if (unanswered.length > 0 || !parsed.ok) {
      focusField(unanswered[0] ?? null);
      return;
    }
    inFlight.current = true;
    setSending(true);
    const result = await submitPublicAnswer(survey.code, { clientKey: clientKey.current, phone: phone.trim(), answers: answersToSend(answers) }, locale);
    inFlight.current = false;
    setSending(false);
    if (result.ok) return setDone(true);
    if (result.failure.kind !== 'network') clientKey.current = crypto.randomUUID();
    if (result.failure.kind === 'closed') return setLoaded({ state: 'closed' });
    if (result.failure.kind === 'refused' && result.failure.field === 'phone') {
      // Said once, under the phone box (and in the summary above the button).
      setPhoneError(result.failure.message);
      focusField(null);
      return;
    }
    const refusedQuestion = result.failure.kind === 'refused' ? /^answers\.(.+)$/.exec(result.failure.field ?? '')?.[1] : undefined;
    if (refusedQuestion && survey.questions.some((q) => q.id === refusedQuestion)) {
      setMissing(new Set([refusedQuestion]));
      focusField(refusedQuestion);
    }
    setFailure(result.failure);
  }

  const numberOf = (id: string) => survey.questions.findIndex((q) => q.id === id) + 1;
  const missingNumbers = survey.questions.filter((q) => missing.has(q.id)).map((q) => numberOf(q.id));
  const problems = [
    ...(missingNumbers.length > 0 ? [w(`请回答第 ${missingNumbers.join('、')} 题`, `Answer question${missingNumbers.length > 1 ? 's' : ''} ${missingNumbers.join(', ')}`)] : []),
    ...(phoneError ? [w(`手机号：${phoneError}`, `Phone number: ${phoneError}`)] : []),
  ];

  return (
    <main className="ps-page">
      <header className="ps-card ps-head">
        <h1>{survey.title}</h1>
        <p className="ps-village" data-testid="public-survey-village">
          {survey.townshipName ? `${survey.townshipName} · ` : ''}
          {survey.villageName}
        </p>
        <p className="ps-note">{w(`请根据您的实际了解作答，约 1 分钟。截止 ${survey.endsOn}。`, `Please answer from what you know; about a minute. Open until ${survey.endsOn}.`)}</p>
      </header>
      <form className="ps-card" onSubmit={(event) => void submit(event)} noValidate>
        {survey.questions.map((question, index) => (
          <PublicSurveyQuestion
            key={question.id}
            question={question}
            number={index + 1}
            value={answers[question.id]}
            missing={missing.has(question.id)}
            onChange={(value) => {
              setAnswers((before) => ({ ...before, [question.id]: value }));
              setMissing((before) => new Set([...before].filter((id) => id !== question.id)));
            }}
          />
        ))}
        <div className="ps-question">
          <label className="ps-question-text" htmlFor="ps-phone">
            {w('您的手机号', 'Your phone number')}
          </label>
          <input
            id="ps-phone"
            className="ps-input"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={32}
            value={phone}
            aria-invalid={phoneError ? true : undefined}
            aria-describedby={phoneError ? 'ps-phone-error ps-phone-note' : 'ps-phone-note'}
            onChange={(event) => {
              setPhone(event.target.value);
              // Another number may be sent (this one already answered): the button comes back.
              if (failure?.kind === 'already_answered') setFailure(null);
            }}
          />
          {phoneError && (
            <p className="ps-field-error" id="ps-phone-error">
              {phoneError}
            </p>
          )}
          <p className="ps-note" id="ps-phone-note">
            {w('每个手机号只能提交一次。号码只用于核对是否重复，加密保存，不会公开，也不会用于其他用途。', 'One answer per phone number. It is only used to check for repeats, kept encrypted and never shown or used for anything else.')}
          </p>
        </div>
        {problems.length > 0 && (
          <p className="ps-failure" role="alert" data-testid="public-survey-problems">
            {problems.join(w('；', '; '))}
          </p>
        )}
        {failure && (
          <p className={failure.kind === 'network' ? 'ps-failure ps-warn' : 'ps-failure'} role="alert" data-testid="public-survey-failure" data-kind={failure.kind}>
            {failureWords(failure)}
          </p>
        )}
        <button type="submit" className="ps-submit" disabled={sending || failure?.kind === 'already_answered'}>
          {sending ? w('正在提交……', 'Submitting…') : w('提交', 'Submit')}
        </button>
      </form>
    </main>
  );
}
