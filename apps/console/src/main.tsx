import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ConsoleApp } from './console-app.js';
import { AuthProvider } from './auth.js';
import { LocaleProvider } from './i18n.js';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <LocaleProvider>
        <AuthProvider>
          <BrowserRouter>
            <ConsoleApp />
          </BrowserRouter>
        </AuthProvider>
      </LocaleProvider>
    </StrictMode>,
  );
