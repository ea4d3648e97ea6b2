import { NO_COUNTRY } from '../../../../shared/api/records';
import { setParams } from '../../router';
import { paramOf } from './record-route';

/** Filters the bar has no field for, as the risk summary's links set them: each a chip. */
const CHIPS: { param: string; label: string; show?: (v: string) => string }[] = [
  { param: paramOf('origin'), label: 'Origin', show: (v) => (v === NO_COUNTRY ? 'not recorded' : v.toUpperCase()) },
  {
    param: paramOf('destination'),
    label: 'Destination',
    show: (v) => (v === NO_COUNTRY ? 'not recorded' : v.toUpperCase()),
  },
  { param: paramOf('valueMax'), label: 'Max USD' },
  { param: paramOf('party'), label: 'Party' },
];

/** The active filters that have no field of their own in the bar, each removable with one click. */
export function FilterChips({ params }: { params: Readonly<Record<string, string>> }) {
  const active = CHIPS.filter((c) => params[c.param]?.trim());
  if (active.length === 0) return null;
  return (
    <span className="entity-chips">
      {active.map(({ param, label, show }) => {
        const text = `${label}: ${show ? show(params[param]!.trim()) : params[param]}`;
        return (
          <span className="chip" key={param}>
            {text}
            <button
              className="chip-remove"
              aria-label={`Remove filter ${text}`}
              onClick={() => setParams({ [param]: undefined })}
            >
              ×
            </button>
          </span>
        );
      })}
    </span>
  );
}
