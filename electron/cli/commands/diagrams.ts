import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DiagramCreated, DiagramSummary, DiagramView, ViewEdge } from '../../../shared/domain/diagrams';
import { diagramToSvg } from '../../../shared/diagrams/svg';
import { int, UsageError, type Command } from '../command';
import { unwrap } from '../unwrap';

const diagramId = (args: string[]) => int(args[0], 'DIAGRAM_ID') ?? 0;

/** An edge as the CLI contract lists it: the sums for a shipment, the grade for a link, the label where there is one. */
function edgeOut(e: ViewEdge) {
  return {
    id: e.id,
    kind: e.kind,
    source: e.source,
    target: e.target,
    ...(e.kind === 'shipment'
      ? { count: e.count, valueUsd: e.valueUsd, firstDate: e.firstDate, lastDate: e.lastDate, recordIds: e.recordIds }
      : {}),
    ...(e.grade ? { grade: e.grade } : {}),
    ...(e.label !== null ? { label: e.label } : {}),
    ...(e.missing ? { missing: true } : {}),
  };
}

export const diagramsCommands: Command[] = [
  {
    name: 'diagram new',
    usage: 'custodian diagram new CASE --name N [--from ENTITY_ID [--depth K] [--per-node N] [--max-nodes N]]',
    summary:
      "make a diagram, empty or from an entity's neighbourhood in the records (capped; says how many were left out)",
    opensCase: true,
    options: {
      name: { type: 'string' },
      from: { type: 'string' },
      depth: { type: 'string' },
      'per-node': { type: 'string' },
      'max-nodes': { type: 'string' },
    },
    run: async ({ core, values }) => {
      if (typeof values.name !== 'string' || !values.name.trim()) throw new UsageError('--name is required');
      const from = int(values.from, 'from');
      if (from === undefined && [values.depth, values['per-node'], values['max-nodes']].some((v) => v !== undefined)) {
        throw new UsageError('--depth, --per-node and --max-nodes go with --from');
      }
      const created = (
        from === undefined
          ? { view: await unwrap(core, 'diagrams.create', { name: values.name }), leftOut: 0 }
          : await unwrap(core, 'diagrams.neighbourhood', {
              name: values.name,
              entityId: from,
              depth: int(values.depth, 'depth'),
              perNode: int(values['per-node'], 'per-node'),
              maxNodes: int(values['max-nodes'], 'max-nodes'),
            })
      ) as DiagramCreated;
      return {
        diagramId: created.view.id,
        nodes: created.view.nodes.length,
        edges: created.view.edges.length,
        leftOut: created.leftOut,
      };
    },
  },
  {
    name: 'diagram list',
    usage: 'custodian diagram list CASE',
    summary: 'list the diagrams with their numbers of nodes and edges',
    opensCase: true,
    run: async ({ core }) => {
      const list = (await unwrap(core, 'diagrams.list', {})) as DiagramSummary[];
      return list.map((d) => ({ diagramId: d.id, name: d.name, nodes: d.nodes, edges: d.edges }));
    },
  },
  {
    name: 'diagram show',
    usage: 'custodian diagram show CASE DIAGRAM_ID',
    summary: 'a diagram with every shipment edge summed from the records behind it',
    opensCase: true,
    minArgs: 1,
    run: async ({ core, args }) => {
      const view = (await unwrap(core, 'diagrams.get', { id: diagramId(args) })) as DiagramView;
      return {
        diagramId: view.id,
        name: view.name,
        nodes: view.nodes.map((n) => ({
          id: n.id,
          kind: n.kind,
          ref: n.ref,
          label: n.label,
          ...(n.missing ? { missing: true } : {}),
        })),
        edges: view.edges.map(edgeOut),
      };
    },
  },
  {
    name: 'diagram svg',
    usage: 'custodian diagram svg CASE DIAGRAM_ID --out FILE.svg',
    summary: 'export a diagram as a standalone SVG file',
    opensCase: true,
    minArgs: 1,
    options: { out: { type: 'string' } },
    run: async ({ core, args, values }) => {
      if (typeof values.out !== 'string' || !values.out) throw new UsageError('--out is required');
      const view = (await unwrap(core, 'diagrams.get', { id: diagramId(args) })) as DiagramView;
      const svg = diagramToSvg(view);
      const out = resolve(values.out);
      writeFileSync(out, svg);
      return { diagramId: view.id, out, bytes: Buffer.byteLength(svg) };
    },
  },
];
