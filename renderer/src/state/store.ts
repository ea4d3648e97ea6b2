import { create } from 'zustand';
import type { CaseInfo } from '../../../shared/api/case';
import { client } from '../api/client';
import { bindCase } from '../router';

interface AppState {
  caseInfo: CaseInfo | null;
  /** The last error to show in the status bar; null when all is well. */
  error: string | null;
  /** Bumped after anything changes the case, so views reload. */
  revision: number;
  setCase(info: CaseInfo | null): void;
  setError(message: string | null): void;
  refresh(): Promise<void>;
}

/** Whether the open case is a received one, open read-only: edit actions are disabled (the core refuses them too). */
export const useReadOnly = (): boolean => useApp((s) => s.caseInfo?.readOnly ?? false);

export const useApp = create<AppState>((set, get) => ({
  caseInfo: null,
  error: null,
  revision: 0,
  setCase(caseInfo) {
    if (caseInfo) bindCase(caseInfo.caseId);
    set({ caseInfo, error: null, revision: get().revision + 1 });
  },
  setError: (error) => set({ error }),
  async refresh() {
    const r = await client.call('case.current', {});
    if (r.ok) set({ caseInfo: r.value, revision: get().revision + 1 });
    else set({ error: r.error.message });
  },
}));
