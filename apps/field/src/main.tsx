import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FieldHome } from './field-home.js';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <FieldHome />
    </StrictMode>,
  );
