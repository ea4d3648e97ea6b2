import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../helpers/temp';

/**
 * electron-builder cannot run here (it downloads Electron), so this checks
 * the configuration the way electron-builder itself would before building:
 * its own JSON schema, plus what Custodian needs from a package.
 */
const config = parse(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const require_ = createRequire(join(REPO, 'package.json'));

async function validate(cfg: unknown): Promise<void> {
  const { validateConfiguration } = require_('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require_('builder-util');
  await validateConfiguration(cfg, new DebugLogger(false));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation (which does catch mistakes)', async () => {
    await validate(config);
    await expect(validate({ ...config, linux: { ...config.linux, categry: 'Office' } })).rejects.toThrow(/configuration\.linux/);
  });

  it('names the app and documents how to build it', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Custodian');
    expect(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')).toMatch(/^# .*\n(#.*\n)*#\s+npm run dist/m);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/main.cjs');
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder/);
  });

  it('packs the built app and rebuilds and unpacks better-sqlite3 for Electron', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect(config.files.some((f: string) => f.startsWith('node_modules') || f === '**/*')).toBe(false); // deps come from package.json
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.extraResources).toEqual(expect.arrayContaining([{ from: 'build/sample', to: 'sample' }]));
    for (const r of config.extraResources) expect(existsSync(join(REPO, r.from)), r.from).toBe(true);
    expect(config.electronFuses.runAsNode).toBe(false);
  });

  it('associates .case files with the app on every OS', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'case', name: 'Custodian case', role: 'Editor', mimeType: 'application/x-custodian-case', icon: 'case' }),
    ]);
    expect(config.linux.mimeTypes).toContain('application/x-custodian-case');
    expect(config.linux.desktop.entry.MimeType).toBe('application/x-custodian-case;');
    expect(config.linux.category).toBe('Office');
  });

  it('targets AppImage and deb, NSIS, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('has every icon it names, large enough for each OS', () => {
    const build = join(REPO, 'build');
    expect(pngSize(join(build, 'icon.png'))[0]).toBeGreaterThanOrEqual(512);
    for (const f of ['icon.ico', 'icon.icns', 'case.ico', 'case.icns', 'case.png', config.win.icon.replace(/^build\//, ''), config.mac.icon.replace(/^build\//, '')]) {
      expect(existsSync(join(build, f)), f).toBe(true);
    }
    expect(readFileSync(join(build, 'icon.ico')).readUInt16BE(0)).toBe(0); // ICO header
    expect(readFileSync(join(build, 'icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
    const linuxIcons = readdirSync(join(REPO, config.linux.icon));
    expect(linuxIcons).toEqual(expect.arrayContaining(['16x16.png', '32x32.png', '48x48.png', '128x128.png', '256x256.png', '512x512.png']));
    for (const f of linuxIcons) {
      const [w, h] = pngSize(join(REPO, config.linux.icon, f));
      expect(`${w}x${h}.png`).toBe(f);
    }
  });
});
