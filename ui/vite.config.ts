/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// `npm run dev` talks to a running `ledger serve`; point LEDGER_API at it
// (e.g. LEDGER_API=http://127.0.0.1:8765) and open the dev page with the
// `?token=` the server printed.
const ledgerApi = process.env.LEDGER_API ?? 'http://127.0.0.1:8765'

export default defineConfig({
  base: './',
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: ledgerApi, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A desktop app loads from disk; one large vendor chunk is fine.
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    reporters: ['default'],
  },
})
