import type { ReactNode } from 'react';
import type { DiagramFilters, DiagramView } from '../../../../shared/domain/diagrams';
import type { EntitySummary } from '../../../../shared/domain/entities';
import { AddEntityControl } from './AddEntityControl';
import { AddEvidenceControl } from './AddEvidenceControl';
import { FiltersControl } from './FiltersControl';

interface Props {
  view: DiagramView;
  onUndo(): void;
  onRedo(): void;
  onAddNote(): void;
  onAddGroup(): void;
  onAddEntity(entity: EntitySummary): void;
  onAddSource(kind: 'document' | 'excerpt', ref: number): void;
  onSetFilters(filters: DiagramFilters): void;
  onLayout(): void;
  find: { query: string; count: number; index: number; onQuery(q: string): void; onNext(back: boolean): void };
  onBack(): void;
  /** More tools (layout engines, timeline, export…): shown after the built-in ones, before find. */
  extras?: ReactNode;
}

/**
 * The canvas's toolbar, in groups: history, add, arrange, then whatever
 * other areas put in `extras`, then find. Each group is a `toolbar-group`,
 * so a new tool is one more element in the slot, nothing else to change.
 */
export function DiagramToolbar({
  view,
  onUndo,
  onRedo,
  onAddNote,
  onAddGroup,
  onAddEntity,
  onAddSource,
  onSetFilters,
  onLayout,
  find,
  onBack,
  extras,
}: Props) {
  const { history } = view;
  return (
    <header className="toolbar diagram-toolbar">
      <button className="link" onClick={onBack} title="All diagrams">
        ← Diagrams
      </button>
      <h2 title={view.name}>{view.name}</h2>
      <div className="toolbar-group" role="group" aria-label="History">
        {/* Arrows only (named for screen readers): the toolbar holds on one line at 1440 px. */}
        <button
          onClick={onUndo}
          disabled={!history.undo}
          aria-label="Undo"
          title={history.undo ? `Undo ${history.undo} (Ctrl+Z)` : 'Nothing to undo'}
        >
          ↶
        </button>
        <button
          onClick={onRedo}
          disabled={!history.redo}
          aria-label="Redo"
          title={history.redo ? `Redo ${history.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        >
          ↷
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="Add">
        <AddEntityControl onAdd={onAddEntity} />
        <AddEvidenceControl onAdd={onAddSource} />
        <button onClick={onAddNote}>+ Note</button>
        <button onClick={onAddGroup}>+ Group</button>
      </div>
      <div className="toolbar-group" role="group" aria-label="Arrange">
        <button onClick={onLayout} title="Lay the diagram out again (undoable)">
          Lay out
        </button>
        <FiltersControl filters={view.filters} onSet={onSetFilters} />
      </div>
      {extras && (
        <div className="toolbar-group" role="group" aria-label="More tools">
          {extras}
        </div>
      )}
      <span className="spacer" />
      <div className="toolbar-group find" role="search">
        <input
          type="search"
          placeholder="Find…"
          aria-label="Find in diagram"
          value={find.query}
          onChange={(e) => find.onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              find.onNext(e.shiftKey);
            }
          }}
        />
        {find.query && (
          <span className="muted small" aria-live="polite">
            {find.count === 0 ? 'none' : `${find.index + 1} of ${find.count}`}
          </span>
        )}
      </div>
    </header>
  );
}
