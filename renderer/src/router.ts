import { create } from 'zustand';

/**
 * Where the investigator is: a section, an item in it (`/entities/156`,
 * `/documents/3/page/2`) and the section's list state as parameters
 * (`?q=…&sort=date&desc=1&record=1234`).
 */
export interface Route {
  section: string;
  /** The path after the section, e.g. ['3', 'page', '2']. */
  path: string[];
  params: Readonly<Record<string, string>>;
}

export const DEFAULT_SECTION = 'records';
const PLACES_KEY = 'custodian.places';

/**
 * The bridge's token may share the fragment with a route (`#/records?token=…`);
 * it is the API client's business (api/client.ts keeps it in sessionStorage),
 * never part of a place.
 */
const NOT_A_PLACE = new Set(['token']);

/** Reads `#/section/a/b?k=v`; anything else (no hash, `#token=…`) is the default section. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith('/')) return { section: DEFAULT_SECTION, path: [], params: {} };
  const cut = body.indexOf('?');
  const segments = (cut < 0 ? body : body.slice(0, cut)).split('/').filter(Boolean).map(decodeSegment);
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(cut < 0 ? '' : body.slice(cut + 1)))
    if (!NOT_A_PLACE.has(k) && v !== '') params[k] = v;
  return { section: segments[0] ?? DEFAULT_SECTION, path: segments.slice(1), params };
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The fragment for a route; empty parameters are left out, and their order is kept so equal places give equal URLs. */
export function formatRoute(route: Route): string {
  const path = [route.section, ...route.path].map(encodeURIComponent).join('/');
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(route.params)) if (v !== '') params.set(k, v);
  const query = params.toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

interface RouterState {
  route: Route;
  /** The last place in each section, so that a section comes back as it was left (query, filters, open item). */
  places: Readonly<Record<string, string>>;
  /** Bumped on every navigation, so a view can react to being opened again at the same place (scroll back to a page). */
  seq: number;
}

/** Remembered places belong to one case: another case opened in this tab starts afresh. */
interface SavedPlaces {
  caseId: string | null;
  places: Record<string, string>;
}

function loadPlaces(): SavedPlaces {
  try {
    const v = JSON.parse(sessionStorage.getItem(PLACES_KEY) ?? 'null') as SavedPlaces | null;
    if (v && typeof v.places === 'object') return v;
  } catch {
    // A damaged entry is as good as none.
  }
  return { caseId: null, places: {} };
}

let saved = loadPlaces();
const initial = parseHash(location.hash);

export const useRoute = create<RouterState>(() => ({
  route: initial,
  places: { ...saved.places, [initial.section]: formatRoute(initial) },
  seq: 0,
}));

function arrive(route: Route): void {
  const { places, seq } = useRoute.getState();
  const next = { ...places, [route.section]: formatRoute(route) };
  useRoute.setState({ route, places: next, seq: seq + 1 });
  saved = { ...saved, places: next };
  sessionStorage.setItem(PLACES_KEY, JSON.stringify(saved));
}

/**
 * Goes to a place. `push` (the default) makes a history entry, so Back
 * returns here; `replace` is for refinements of the same place — each
 * letter typed in a search box, a filter, a sort — which Back should skip.
 */
export function navigate(to: Route | string, how: { replace?: boolean } = {}): void {
  const route = typeof to === 'string' ? parseHash(to) : to;
  const hash = formatRoute(route);
  if (hash === location.hash) {
    arrive(route);
    return;
  }
  // Through the history API rather than location.hash, which always pushes and fires hashchange a tick later.
  if (how.replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  arrive(route);
}

/** Changes some parameters of the current place (undefined or '' removes one); replaces the history entry unless told to push. */
export function setParams(patch: Record<string, string | undefined>, how: { push?: boolean } = {}): void {
  const { route } = useRoute.getState();
  const params: Record<string, string> = { ...route.params };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '') delete params[k];
    else params[k] = v;
  }
  navigate({ ...route, params }, { replace: !how.push });
}

/** Opens a section where it was left (the sidebar); the section already shown goes back to its list, keeping its query. */
export function openSection(section: string): void {
  const { route, places } = useRoute.getState();
  if (route.section === section) navigate({ section, path: [], params: listParams(route.params) });
  else navigate(places[section] ?? formatRoute({ section, path: [], params: {} }));
}

/** Parameters that open one item over a list (a record's detail, a highlighted term) rather than shape the list. */
const ITEM_PARAMS = new Set(['record', 'hl']);
export const listParams = (params: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).filter(([k]) => !ITEM_PARAMS.has(k)));

/**
 * Called whenever a case is shown. Places remembered for another case in
 * this tab are forgotten, and the view goes back to the start; the same case
 * again (a reload) keeps everything.
 */
export function bindCase(caseId: string): void {
  if (saved.caseId === caseId) return;
  const other = saved.caseId !== null;
  saved = { caseId, places: other ? {} : { ...useRoute.getState().places } };
  sessionStorage.setItem(PLACES_KEY, JSON.stringify(saved));
  useRoute.setState({ places: saved.places });
  if (other) navigate({ section: DEFAULT_SECTION, path: [], params: {} }, { replace: true });
}

// Back and Forward (and a fragment edited by hand) move to the place in the URL.
window.addEventListener('popstate', () => arrive(parseHash(location.hash)));
window.addEventListener('hashchange', () => {
  const route = parseHash(location.hash);
  if (formatRoute(route) !== formatRoute(useRoute.getState().route)) arrive(route);
});

/** A number from the path or a parameter, or null when it is missing or not a whole number. */
export function intOrNull(s: string | undefined): number | null {
  if (s === undefined || !/^\d+$/.test(s)) return null;
  return Number(s);
}
