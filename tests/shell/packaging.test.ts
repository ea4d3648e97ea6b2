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
/** The parts of the configuration these checks read. */
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  fileAssociations: Record<string, string>[];
  linux: {
    target: string[];
    category: string;
    icon: string;
    mimeTypes: string[];
    desktop: { entry: Record<string, string> };
  };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
}
const config = parse(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
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
    await expect(validate({ ...config, linux: { ...config.linux, categry: 'Office' } })).rejects.toThrow(
      /configuration\.linux/,
    );
  });

  it('names the app and documents how to build it', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Custodian');
    expect(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')).toMatch(/^# .*\n(#.*\n)*#\s+npm run dist/m);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/main.cjs');
    expect(pkg.scripts.dist).toBe('node scripts/electron-dist.mjs');
    const dist = readFileSync(join(REPO, 'scripts/electron-dist.mjs'), 'utf8');
    expect(dist).toContain("'run', 'build'");
    expect(dist).toContain('electron-builder/cli.js');
    expect(dist).toContain('restoreNodeBuild');
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
      expect.objectContaining({
        ext: 'case',
        name: 'Custodian case',
        role: 'Editor',
        mimeType: 'application/x-custodian-case',
        icon: 'case',
      }),
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
    for (const f of [
      'icon.ico',
      'icon.icns',
      'case.ico',
      'case.icns',
      'case.png',
      config.win.icon.replace(/^build\//, ''),
      config.mac.icon.replace(/^build\//, ''),
    ]) {
      expect(existsSync(join(build, f)), f).toBe(true);
    }
    expect(readFileSync(join(build, 'icon.ico')).readUInt16BE(0)).toBe(0); // ICO header
    expect(readFileSync(join(build, 'icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
    const linuxIcons = readdirSync(join(REPO, config.linux.icon));
    expect(linuxIcons).toEqual(
      expect.arrayContaining(['16x16.png', '32x32.png', '48x48.png', '128x128.png', '256x256.png', '512x512.png']),
    );
    for (const f of linuxIcons) {
      const [w, h] = pngSize(join(REPO, config.linux.icon, f));
      expect(`${w}x${h}.png`).toBe(f);
    }
  });
});

/**
 * Opt-in (CUSTODIAN_PACK_TEST=1, ~20 s, writes ~150 MB to a temp folder):
 * runs electron-builder's `dir` target for real, with a stand-in Electron
 * distribution and without the native rebuild (both need the internet),
 * and checks what lands in the package.
 */
describe.skipIf(!process.env.CUSTODIAN_PACK_TEST)('electron-builder dir build with a stand-in Electron', () => {
  it('packs out/ and production dependencies only, unpacks better-sqlite3, ships the sample', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdirSync, writeFileSync, chmodSync, rmSync } = await import('node:fs');
    const { stringify } = await import('yaml');
    const { tempDir } = await import('../helpers/temp');
    const tmp = tempDir();
    const fakeDist = join(tmp, 'electron-dist');
    mkdirSync(join(fakeDist, 'resources'), { recursive: true });
    writeFileSync(join(fakeDist, 'electron'), '#!/bin/sh\n');
    chmodSync(join(fakeDist, 'electron'), 0o755);
    writeFileSync(join(fakeDist, 'version'), '40.10.2');
    const { electronFuses: _fuses, ...rest } = config; // flipping fuses needs a real Electron binary
    const cfgPath = join(tmp, 'eb.yml');
    writeFileSync(
      cfgPath,
      stringify({ ...rest, npmRebuild: false, electronDist: fakeDist, directories: { output: join(tmp, 'dist') } }),
    );
    const cli = require_.resolve('electron-builder/cli.js');
    const r = spawnSync(process.execPath, [cli, '--linux', 'dir', '--config', cfgPath], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const resources = join(tmp, 'dist', 'linux-unpacked', 'resources');
    const files: string[] = require_('@electron/asar').listPackage(join(resources, 'app.asar'));
    expect(files).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/main.cjs',
        '/out/main/job-worker.cjs',
        '/out/preload/preload.cjs',
        '/out/renderer/index.html',
      ]),
    );
    expect(files.filter((f) => f.startsWith('/out/') && f.endsWith('.map'))).toEqual([]);
    for (const dev of ['electron', 'vitest', 'esbuild', 'typescript', 'electron-builder'])
      expect(files).not.toContain(`/node_modules/${dev}`);
    expect(
      existsSync(join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node')),
    ).toBe(true);
    expect(existsSync(join(resources, 'sample', 'ru-customs-2k.csv'))).toBe(true);
    expect(existsSync(join(resources, 'icon.png'))).toBe(true);
    rmSync(join(tmp, 'dist'), { recursive: true, force: true });
  });
});
