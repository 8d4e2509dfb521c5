import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ConsoleApp } from './app/console-app.js';
import { AuthProvider } from './features/auth/auth.js';
import { LocaleProvider } from './app/i18n.js';

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
