import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { FIELD_LOCALE_STORAGE_KEY } from './src/app/locale-key.js';
import { earlyReadsScript, homeReadKeys } from './src/lib/home-reads.js';

// Served by the API server at /m/; in development, API calls go to the server on :3000.
// The service worker precaches the app shell so the app opens with no signal after one visit;
// it caches no API answers (the app keeps what it needs to read offline in IndexedDB itself).
export default defineConfig({
  base: '/m/',
  plugins: [
    react(),
    {
      // Home's reads start with the page, before the app's code arrives (see src/lib/home-reads.ts).
      name: 'gridwork-early-reads',
      transformIndexHtml: (_html, context) =>
        context.path === '/survey.html'
          ? []
          : [{ tag: 'script', children: earlyReadsScript(homeReadKeys(), FIELD_LOCALE_STORAGE_KEY), injectTo: 'head-prepend' }],
    },
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: '网格员移动端',
        short_name: '网格通',
        description: '城乡网格化管理：事件上报、核查、基础信息复核，没有信号也能用。',
        lang: 'zh-CN',
        start_url: '/m/',
        scope: '/m/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1677ff',
        background_color: '#f5f5f5',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: [/^\/m\//],
        // The residents' questionnaire (/m/survey.html?c=) is its own page, never the app's shell.
        navigateFallbackDenylist: [/^\/m\/survey\.html/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The app, and the residents' questionnaire a village's QR code opens (/m/survey.html?c=):
    // a page of its own, so a resident's phone loads that form and nothing of the workers' app.
    rollupOptions: { input: { main: fileURLToPath(new URL('index.html', import.meta.url)), survey: fileURLToPath(new URL('survey.html', import.meta.url)) } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
