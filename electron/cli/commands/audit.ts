import type { AuditEntry } from '../../../shared/api/case';
import { CSV_BOM, csvLine } from '../../../shared/domain/csv';
import { AUDIT_CSV_HEADER, auditCsvRow } from '../../../shared/domain/table-csv';
import { unwrap } from '../unwrap';
import { int, UsageError, type Command } from '../command';

const PAGE = 10_000;

/**
 * `custodian audit`: the log (newest first), narrowed by action, actor and
 * days; --csv and --jsonl print every matching entry, a page at a time, as
 * the app's export writes them; --verify checks the hash chain and names
 * the entry where it breaks.
 */
export const auditCommand: Command = {
  name: 'audit',
  usage:
    'custodian audit CASE [--verify] [--action A] [--actor X] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--csv | --jsonl]',
  summary: 'list the audit log (filtered; --csv/--jsonl: every entry), or check its hash chain with --verify',
  opensCase: true,
  options: {
    verify: { type: 'boolean' },
    limit: { type: 'string' },
    action: { type: 'string' },
    actor: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    csv: { type: 'boolean' },
    jsonl: { type: 'boolean' },
  },
  run: async ({ core, values: v }) => {
    if (v.verify) return unwrap(core, 'audit.verify', {});
    if (v.csv && v.jsonl) throw new UsageError('give --csv or --jsonl, not both');
    const filter = { action: v.action, actor: v.actor, from: v.from, to: v.to };
    if (!v.csv && !v.jsonl) return unwrap(core, 'audit.list', { ...filter, limit: int(v.limit, 'limit') ?? 500 });
    if (v.csv) process.stdout.write(CSV_BOM + csvLine(AUDIT_CSV_HEADER));
    for (let offset = 0; ; offset += PAGE) {
      const page = (await unwrap(core, 'audit.list', { ...filter, limit: PAGE, offset })) as AuditEntry[];
      const text = page.map((e) => (v.csv ? csvLine(auditCsvRow(e)) : `${JSON.stringify(e)}\n`)).join('');
      if (text) process.stdout.write(text);
      if (page.length < PAGE) return undefined;
    }
  },
};
