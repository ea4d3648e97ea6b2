import { create } from 'zustand';

const SNAP_KEY = 'custodian-diagram-snap';

/** The grid nodes snap to when snapping is on: the canvas background's dot spacing. */
export const GRID = 20;

/**
 * How the investigator likes to drag: snapping to the grid is a preference of the person (kept in this
 * browser or app profile), not a property of a diagram, so it is the same on every diagram and case.
 */
export const useCanvasPrefs = create<{ snap: boolean; setSnap(on: boolean): void }>((set) => ({
  snap: localStorage.getItem(SNAP_KEY) !== 'off',
  setSnap(snap) {
    localStorage.setItem(SNAP_KEY, snap ? 'on' : 'off');
    set({ snap });
  },
}));
