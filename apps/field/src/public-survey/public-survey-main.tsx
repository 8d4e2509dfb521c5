// Entry of the residents' questionnaire (/m/survey.html?c=<village code>): a page of its own, so a phone
// scanning a village's QR code loads this form only — not the grid workers' app, its sign-in, its
// service worker or the reads its home page starts.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PublicSurveyPage } from './public-survey-page.js';
import { publicLocale } from './public-survey-words.js';
import './public-survey.css';

document.documentElement.lang = publicLocale();
const code = new URLSearchParams(location.search).get('c')?.trim() ?? '';
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <PublicSurveyPage code={code} />
    </StrictMode>,
  );
