import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

// frame-ancestors is ignored (and warned about) in a meta tag; the bridge sends it as a header.
const META_CSP = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/** The same CSP as the bridge's header, as a meta tag: Electron loads the page from a file, with no headers. */
const cspMeta: Plugin = {
  name: 'custodian-csp',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CSP }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  // Paths are relative to the repository root, where every npm script runs vite.
  root: 'renderer',
  // Relative asset paths: Electron opens index.html from disk.
  base: './',
  plugins: [cspMeta],
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
});
