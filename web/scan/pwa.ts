// Build step for the scanner app (/scan): its web app manifest, icons (a QR code, drawn by bwip-js)
// and a service worker that keeps the app shell (every file the scan entry loads) for offline use.
import crypto from 'node:crypto';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

const SCOPE = '/scan/';

function shellFiles(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry && (c.facadeModuleId ?? '').replace(/\\/g, '/').endsWith('/scan/index.html'));
  if (!entry) throw new Error('scan entry not found in the bundle');
  const files = new Set<string>();
  const visit = (name: string) => {
    if (files.has(name)) return;
    files.add(name);
    const c = bundle[name];
    if (!c || c.type !== 'chunk') return;
    // Dynamic imports too: the camera decoder must work offline.
    for (const n of [...c.imports, ...c.dynamicImports]) visit(n);
    const meta = (c as OutputChunk & { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }).viteMetadata;
    for (const n of [...(meta?.importedCss ?? []), ...(meta?.importedAssets ?? [])]) files.add(n);
  };
  visit(entry.fileName);
  return [...files].sort();
}

function serviceWorker(version: string, shell: string[]): string {
  return `// Foyer scanner: keeps the app shell so the scanner opens and scans without a network.
// The API is never cached here: the app keeps its own ticket lists and pending scans.
const CACHE = 'foyer-scan-${version}';
const SHELL = ${JSON.stringify(shell)};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('foyer-scan-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (e.request.mode === 'navigate' && url.pathname.startsWith('${SCOPE}')) {
    // The newest app when the network answers quickly, else the one kept.
    e.respondWith(Promise.race([fetch(e.request), timeout(3000)])
      .then((res) => { if (res.ok) caches.open(CACHE).then((c) => c.put('${SCOPE}', res.clone())); return res; })
      .catch(() => caches.match('${SCOPE}', { cacheName: CACHE })));
    return;
  }
  if (SHELL.includes(url.pathname)) e.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((hit) => hit || fetch(e.request)));
});
`;
}

async function icon(size: number): Promise<Buffer> {
  const { default: bwipjs } = await import('bwip-js');
  const draw = (scale: number, padding: number) => bwipjs.toBuffer({
    bcid: 'qrcode', text: 'FOYER', scale, paddingwidth: padding, paddingheight: padding, backgroundcolor: 'FFFFFF', barcolor: '7A1F3D',
  });
  // The symbol's width at scale 1; each unit of padding adds `scale` pixels a side. The largest scale
  // that leaves a whole number of padding units makes the image exactly size x size.
  const base = (await draw(1, 0)).readUInt32BE(16);
  for (let scale = Math.floor((size * 0.85) / base); scale > 0; scale--) {
    const rest = size - base * scale;
    if (rest >= 0 && rest % (2 * scale) === 0) return draw(scale, rest / (2 * scale));
  }
  throw new Error(`no icon of ${size} px`);
}

export function scanPwa(): Plugin {
  return {
    name: 'foyer-scan-pwa',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const icons = [192, 512];
      for (const size of icons) this.emitFile({ type: 'asset', fileName: `scan/icon-${size}.png`, source: await icon(size) });
      this.emitFile({
        type: 'asset', fileName: 'scan/manifest.webmanifest',
        source: JSON.stringify({
          name: 'Foyer scanner', short_name: 'Scanner', start_url: SCOPE, scope: SCOPE, display: 'standalone', orientation: 'portrait',
          background_color: '#111111', theme_color: '#7a1f3d',
          icons: icons.map((s) => ({ src: `${SCOPE}icon-${s}.png`, sizes: `${s}x${s}`, type: 'image/png', purpose: 'any' })),
        }, null, 2),
      });
      const shell = [SCOPE, `${SCOPE}manifest.webmanifest`, ...icons.map((s) => `${SCOPE}icon-${s}.png`), ...shellFiles(bundle).map((f) => `/${f}`)];
      const version = crypto.createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'scan/sw.js', source: serviceWorker(version, shell) });
    },
  };
}
