/**
 * A diagram's key under it on its page: a small swatch (the line or the box
 * as the diagram draws it) and its meaning, for each kind the diagram uses.
 */
import type { ReactElement } from 'react';
import type { KeyEntry } from '../brief-data';
import type { PdfLib } from './load';

export function diagramKeyView(lib: PdfLib, key: KeyEntry[]): ReactElement {
  const { h, R, text } = lib;
  const swatch = (k: KeyEntry) =>
    h(
      R.Svg,
      { width: 28, height: 9, style: { marginRight: 4, marginTop: 1 } },
      k.shape === 'line'
        ? h(R.Line, {
            x1: 1,
            y1: 4.5,
            x2: 27,
            y2: 4.5,
            stroke: k.color,
            strokeWidth: k.width,
            ...(k.dash ? { strokeDasharray: k.dash } : {}),
          } as never)
        : h(R.Rect, {
            x: 8,
            y: 0.5,
            width: 12,
            height: 8,
            fill: k.color,
            stroke: '#374151',
            strokeWidth: 0.6,
          } as never),
    );
  return h(
    R.View,
    { wrap: false, style: { marginTop: 6, fontSize: 8 } },
    text({ style: { fontWeight: 700, marginBottom: 2 } }, 'Key to this diagram'),
    h(
      R.View,
      { style: { flexDirection: 'row', flexWrap: 'wrap' } },
      ...key.map((k, i) =>
        h(
          R.View,
          // The shipments entry (with its CHPL tiers) takes a line of its own; the rest share lines.
          { key: i, style: { flexDirection: 'row', width: k.label.length > 60 ? '100%' : '33%', marginBottom: 2 } },
          swatch(k),
          text({ style: { flex: 1 } }, k.label),
        ),
      ),
    ),
  );
}
