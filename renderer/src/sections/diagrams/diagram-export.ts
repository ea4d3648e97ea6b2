/**
 * Exports of a diagram. The SVG is drawn by the pure function in shared/
 * (the CLI's and the brief's) from the diagram as stored in the case, never
 * from the page: what is exported is what the evidence says, not whatever
 * the canvas shows at the moment. The PNG is a picture of the canvas as
 * drawn (html-to-image of React Flow's viewport), fitted to all the nodes.
 */
import { getViewportForBounds, type Rect } from '@xyflow/react';
import { toBlob } from 'html-to-image';
import { diagramToSvg } from '../../../../shared/diagrams/svg';
import { client } from '../../api/client';

/** Larger PNGs than this on a side fail to encode in Chromium (and nobody can open them). */
const MAX_SIDE = 8000;
const PADDING = 40;

function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name of the diagram's name: letters of any script kept, what file systems refuse replaced. */
export const exportName = (name: string, ext: 'svg' | 'png') =>
  `${name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'diagram'}.${ext}`;

/** The diagram as SVG, from the case (`diagrams.get` → shared/diagrams/svg.ts); saved as a download. */
export async function exportDiagramSvg(diagramId: number): Promise<string> {
  const r = await client.call('diagrams.get', { id: diagramId });
  if (!r.ok) throw new Error(r.error.message);
  const svg = diagramToSvg(r.value);
  save(exportName(r.value.name, 'svg'), new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  return svg;
}

/**
 * A PNG of every node (`bounds`: React Flow's `getNodesBounds` of all nodes) at up to twice screen
 * scale: the viewport element is drawn with a transform that fits the bounds, whatever the user's
 * pan and zoom. Saves it as a download and returns it.
 */
export async function exportDiagramPng(viewport: HTMLElement, bounds: Rect, name: string): Promise<Blob> {
  const scale = Math.min(2, MAX_SIDE / (bounds.width + 2 * PADDING), MAX_SIDE / (bounds.height + 2 * PADDING));
  const width = Math.max(1, Math.round((bounds.width + 2 * PADDING) * scale));
  const height = Math.max(1, Math.round((bounds.height + 2 * PADDING) * scale));
  const fit = getViewportForBounds(bounds, width, height, scale, scale, `${Math.round(PADDING * scale)}px`);
  const blob = await toBlob(viewport, {
    backgroundColor: '#ffffff',
    width,
    height,
    // Fonts are the app's own (bundled); html-to-image reads them again from our origin.
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.zoom})`,
    },
  });
  if (!blob) throw new Error('The picture of the diagram could not be made.');
  save(exportName(name, 'png'), blob);
  return blob;
}
