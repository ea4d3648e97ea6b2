import { useDeferredValue } from 'react';
import { intOrNull, navigate, setParams, useRoute } from '../../router';
import { useApp } from '../../state/store';
import { DecisionsList } from './DecisionsList';
import { EntityList } from './EntityList';
import { ExportEntitiesButton } from './ExportEntitiesButton';
import { EntityPage } from './EntityPage';
import { ResolveButton } from './ResolveButton';
import { ReviewQueue } from './ReviewQueue';
import './entities.css';

type Tab = 'list' | 'review' | 'decisions';
const TABS: readonly Tab[] = ['list', 'review', 'decisions'];

/** Companies resolved across spellings and scripts: the list with each entity's page, the review queue, and the decisions made. */
export function EntitiesSection() {
  const revision = useApp((s) => s.revision);
  // The tab, the search text and the entity shown live in the URL (`#/entities/156?q=…`, `#/entities?tab=review`).
  const route = useRoute((s) => s.route);
  const tab = TABS.includes(route.params.tab as Tab) ? (route.params.tab as Tab) : 'list';
  const setTab = (t: Tab) => setParams({ tab: t === 'list' ? undefined : t }, { push: true });
  const text = route.params.q ?? '';
  const setText = (q: string) => setParams({ q });
  const query = useDeferredValue(text.trim());
  const selected = intOrNull(route.path[0]);
  // Opening an entity (from the list, a counterparty, a merge) is a place of its own: Back returns to the one before.
  const setSelected = (id: number) => navigate({ section: 'entities', path: [String(id)], params: route.params });
  return (
    <section className="entities-section">
      <header className="toolbar">
        <h2>Entities</h2>
        <div role="tablist" className="tabs">
          <button
            role="tab"
            aria-selected={tab === 'list'}
            className={tab === 'list' ? 'active' : ''}
            onClick={() => setTab('list')}
          >
            Entities
          </button>
          <button
            role="tab"
            aria-selected={tab === 'review'}
            className={tab === 'review' ? 'active' : ''}
            onClick={() => setTab('review')}
          >
            Review queue
          </button>
          <button
            role="tab"
            aria-selected={tab === 'decisions'}
            className={tab === 'decisions' ? 'active' : ''}
            onClick={() => setTab('decisions')}
          >
            Decisions
          </button>
        </div>
        {tab === 'list' && (
          <input
            type="search"
            placeholder="Find a company by any name…"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label="Search entities"
          />
        )}
        <span className="spacer" />
        {tab === 'list' && <ExportEntitiesButton query={query} />}
        <ResolveButton />
      </header>
      {tab === 'list' && (
        <div className="entities-body">
          <EntityList
            query={query}
            typing={query !== text.trim()}
            revision={revision}
            selected={selected}
            onSelect={setSelected}
          />
          {selected !== null ? (
            <EntityPage id={selected} revision={revision} onOpen={setSelected} />
          ) : (
            <div className="empty-section">
              <p className="muted">Choose an entity.</p>
            </div>
          )}
        </div>
      )}
      {tab === 'review' && <ReviewQueue revision={revision} />}
      {tab === 'decisions' && <DecisionsList revision={revision} />}
    </section>
  );
}
