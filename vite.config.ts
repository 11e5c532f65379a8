import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

// `base: './'` keeps every URL relative, so the same build works from a static host under any
// sub-path (a teacher's GitHub Pages folder) as well as from `npm start` on localhost.
export default defineConfig({
  base: './',
  plugins: [
    solid(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: '客缘 CRM · Keyuan CRM',
        short_name: '客缘CRM',
        description: '无需服务器的本地优先客户关系管理 · Local-first CRM with peer sync',
        lang: 'zh-CN',
        theme_color: '#1f4e79',
        background_color: '#f5f7fa',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2022', chunkSizeWarningLimit: 600 },
  // the import's file reader is a module worker that loads its parsers on demand
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
