import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO, screenshotPath } from './harness';

/** axe-core run on a page (the page must be opened with bypassCSP: the app's CSP rightly refuses injected scripts). */
const AXE = join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

/** Runs axe-core on the page as it stands; the violations of impact serious or critical. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const all = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  });
  return all
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: (n.failureSummary ?? '').replace(/\s+/g, ' ') })),
    }));
}

/** The violations as lines an engineer can act on (rule, impact, what to fix, where). */
function describeViolations(vs: Violation[]): string {
  return vs
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 6)
          .map((n) => `    ${n.target.join(' ')} — ${n.summary}`)
          .join('\n') +
        (v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : ''),
    )
    .join('\n');
}

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(`a11y-${screen}`) });
  const violations = await seriousViolations(page);
  expect(violations, `axe-core on ${screen}:\n${describeViolations(violations)}`).toEqual([]);
}
