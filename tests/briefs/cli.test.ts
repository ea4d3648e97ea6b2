import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RenderedBrief } from '../../shared/domain/briefs';
import { custodian } from '../helpers/cli';
import { must, tempCase } from '../helpers/temp';
import { folded, pdfText, sha256 } from './helpers';

describe('custodian brief', () => {
  it('renders the default brief of a diagram through the built command (job worker and all), and says how to use it', async () => {
    const { core, dir } = await tempCase();
    const session = await must(core, 'case.openSample', {});
    const path = session.path;
    const [diagram] = await must(core, 'diagrams.list', {});
    await must(core, 'case.close', {});
    const out = join(dir, 'cli.pdf');
    const run = custodian([
      'brief',
      path,
      '--out',
      out,
      '--diagram',
      String(diagram!.id),
      '--title',
      'Для редакции: 保利',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const r = run.json<RenderedBrief>();
    expect(r).toMatchObject({
      briefId: 1,
      version: 1,
      path: out,
      bytes: expect.any(Number),
      pages: expect.any(Number),
    });
    expect(sha256(out)).toBe(r.sha256);
    expect(folded(pdfText(out, 1))).toContain('Для редакции: 保利');
    // The same brief version again, by its id: the same bytes.
    const again = custodian(['brief', path, '--out', join(dir, 'again.pdf'), '--brief', '1', '--json']);
    expect(again.json<RenderedBrief>().sha256).toBe(r.sha256);
    expect(custodian(['brief', path, '--out', out]).status).toBe(2);
    expect(custodian(['brief', path, '--out', out, '--brief', '1', '--title', 'x']).status).toBe(2);
    const missing = custodian(['brief', path, '--out', out, '--brief', '9']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no brief 9/);
  }, 240_000);
});
