import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // Two apps: the box office (index.html) and the public web shop (shop.html), which shares no code
  // with the box office, only React.
  build: {
    outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800,
    rollupOptions: { input: { main: `${root}index.html`, shop: `${root}shop.html` } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
