import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where pdf.js finds its character maps (needed to read Chinese, Japanese
 * and Korean text in PDFs that use predefined CMaps) and the standard font
 * data: the folders shipped in the `pdfjs-dist` package, found on disk so
 * that nothing is ever fetched. `CUSTODIAN_PDFJS_DIR` overrides it for a
 * packaged app that unpacks them elsewhere.
 */
export function pdfjsAssetDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const base = process.env.CUSTODIAN_PDFJS_DIR ?? dirname(requireHere().resolve('pdfjs-dist/package.json'));
  // pdf.js joins these with file names, so they need the trailing separator.
  return { cMapUrl: join(base, 'cmaps') + '/', standardFontDataUrl: join(base, 'standard_fonts') + '/' };
}

function requireHere(): NodeJS.Require {
  // The esbuild bundle is CommonJS (has __filename); vitest and tsx provide it too.
  return createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'));
}
