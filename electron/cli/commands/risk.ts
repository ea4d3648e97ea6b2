import type { RiskFigure, RiskSummary } from '../../../shared/domain/risk';
import { int, type Command } from '../command';
import { unwrap } from '../unwrap';

const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
const fig = (f: RiskFigure | null) => (f ? `${f.records} (${usd(f.valueUsd)})` : '—');
const country = (c: string | null) => c ?? '??';

/** The summary for people: one block per table, a line per row (--json gives every figure with its filter). */
function humanSummary(s: RiskSummary): string {
  const lines = [
    s.screening
      ? `Screening #${s.screening.runId} of ${s.screening.at}; sanctioned = hits ${s.statuses.join(' or ')}`
      : 'No screening yet: run custodian screen CASE first.',
    '',
    `Sanctioned counterparties (${s.counterparties.length}): records (USD) · first–last · before / after listing`,
    ...s.counterparties.map(
      (c) =>
        `  #${c.entityId} ${c.name} [${c.status}] listed ${c.listedOn ?? '?'}: ${fig(c.shipments)} · ` +
        `${c.firstDate ?? '?'}–${c.lastDate ?? '?'} · ${fig(c.beforeListing)} / ${fig(c.afterListing)}`,
    ),
    '',
    `CHPL goods: ${fig(s.chpl.total)}`,
    ...s.chpl.tiers.map((t) => `  tier ${t.tier}: ${fig(t.shipments)}`),
    'CHPL routes (origin → destination):',
    ...s.chpl.routes.map((r) => `  ${country(r.origin)} → ${country(r.destination)}: ${fig(r.shipments)}`),
    ...(s.chpl.moreRoutes ? [`  … and ${s.chpl.moreRoutes} more routes`] : []),
    '',
    'Largest flows into sanctioned entities:',
    ...s.flows.map((f) => `  ${f.from.name} → ${f.to.name}: ${fig(f.shipments)} · ${f.firstDate}–${f.lastDate}`),
  ];
  return lines.join('\n');
}

export const riskCommands: Command[] = [
  {
    name: 'risk',
    usage: 'custodian risk CASE [--confirmed-only] [--limit N]',
    summary:
      'the risk summary: sanctioned counterparties and their trade, CHPL goods by tier and route, flows into sanctioned entities',
    opensCase: true,
    options: { 'confirmed-only': { type: 'boolean' }, limit: { type: 'string' } },
    run: async ({ core, values }) => {
      const summary = (await unwrap(core, 'risk.summary', {
        confirmedOnly: Boolean(values['confirmed-only']),
        limit: int(values.limit, 'limit'),
      })) as RiskSummary;
      return values.json ? summary : humanSummary(summary);
    },
  },
];
