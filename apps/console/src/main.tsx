import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleHome } from './console-home.js';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <ConsoleHome />
    </StrictMode>,
  );
