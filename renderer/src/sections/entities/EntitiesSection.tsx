import { useDeferredValue, useState } from 'react';
import { useApp } from '../../state/store';
import { DecisionsList } from './DecisionsList';
import { EntityList } from './EntityList';
import { EntityPage } from './EntityPage';
import { ResolveButton } from './ResolveButton';
import { ReviewQueue } from './ReviewQueue';
import './entities.css';

/** Companies resolved across spellings and scripts: the list with each entity's page, the review queue, and the decisions made. */
export function EntitiesSection() {
  const revision = useApp((s) => s.revision);
  const [tab, setTab] = useState<'list' | 'review' | 'decisions'>('list');
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <section className="entities-section">
      <header className="toolbar">
        <h2>Entities</h2>
        <div role="tablist" className="tabs">
          <button role="tab" aria-selected={tab === 'list'} className={tab === 'list' ? 'active' : ''} onClick={() => setTab('list')}>Entities</button>
          <button role="tab" aria-selected={tab === 'review'} className={tab === 'review' ? 'active' : ''} onClick={() => setTab('review')}>Review queue</button>
          <button role="tab" aria-selected={tab === 'decisions'} className={tab === 'decisions' ? 'active' : ''} onClick={() => setTab('decisions')}>Decisions</button>
        </div>
        {tab === 'list' && (
          <input type="search" placeholder="Find a company by any name…" value={text} onChange={(e) => setText(e.target.value)} aria-label="Search entities" />
        )}
        <span className="spacer" />
        <ResolveButton />
      </header>
      {tab === 'list' && (
        <div className="entities-body">
          <EntityList query={query} revision={revision} selected={selected} onSelect={setSelected} />
          {selected !== null ? <EntityPage id={selected} revision={revision} onOpen={setSelected} /> : <div className="empty-section"><p className="muted">Choose an entity.</p></div>}
        </div>
      )}
      {tab === 'review' && <ReviewQueue revision={revision} />}
      {tab === 'decisions' && <DecisionsList revision={revision} />}
    </section>
  );
}
