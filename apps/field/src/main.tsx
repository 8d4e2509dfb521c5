import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, unstableSetRender } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import { registerSW } from 'virtual:pwa-register';
import { FieldApp } from './app/field-app.js';
import { applyFieldLocale, fieldLocale } from './app/i18n.js';
import './app/field-app.css';

// antd-mobile's Toast and Dialog render outside the tree; React 19 wants createRoot for that.
unstableSetRender((node, container) => {
  const root = createRoot(container);
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
  };
});

applyFieldLocale();
// The app shell is precached by the service worker: the app opens with no signal after one visit.
if ('serviceWorker' in navigator) registerSW({ immediate: true });

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={fieldLocale() === 'en-US' ? enUS : zhCN}>
        <FieldApp />
      </ConfigProvider>
    </StrictMode>,
  );
