import { create } from 'zustand';
import { openSection } from '../../router';

/**
 * File → Merge a colleague's case… (the menu, or the sidebar next to Export
 * for a colleague…): opens the Merge section, which then starts the same
 * flow as its own button. Counted, so that a request made before the section
 * is shown is still taken once it is.
 */
export const useMergeRequest = create<{ asked: number; taken: number }>(() => ({ asked: 0, taken: 0 }));

export function mergeColleagueCase(): void {
  useMergeRequest.setState((s) => ({ asked: s.asked + 1 }));
  openSection('merge');
}

/** True once per request: the section marks it taken as it starts. */
export function takeMergeRequest(): boolean {
  const { asked, taken } = useMergeRequest.getState();
  if (asked === taken) return false;
  useMergeRequest.setState({ taken: asked });
  return true;
}
