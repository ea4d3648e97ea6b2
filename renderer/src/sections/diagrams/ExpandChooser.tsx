import { useEffect, useState } from 'react';
import type { Counterparty } from '../../../../shared/domain/diagrams';
import { client } from '../../api/client';
import { showModal } from '../../components/modal';
import { ModalForm } from '../../components/ModalForm';
import { usd } from './flow-model';

/** How many counterparties are ticked to begin with (the biggest by value): a hub never drops hundreds at once. */
const PRESELECTED = 8;

/** Asks which counterparties of an entity node to add; null when cancelled. */
export function chooseCounterparties(diagramId: number, nodeId: number, name: string): Promise<number[] | null> {
  return showModal<number[] | null>((answer) => (
    <ExpandChooser diagramId={diagramId} nodeId={nodeId} name={name} onDone={answer} />
  ));
}

function ExpandChooser(props: { diagramId: number; nodeId: number; name: string; onDone(ids: number[] | null): void }) {
  const { diagramId, nodeId, name, onDone } = props;
  const [list, setList] = useState<{ counterparties: Counterparty[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState('');
  useEffect(() => {
    void client.call('diagrams.counterparties', { id: diagramId, nodeId, limit: 500 }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setList(r.value);
      setChosen(
        new Set(
          r.value.counterparties
            .filter((c) => !c.onDiagram)
            .slice(0, PRESELECTED)
            .map((c) => c.entityId),
        ),
      );
    });
  }, [diagramId, nodeId]);
  const shown = (list?.counterparties ?? []).filter((c) => c.name.toLowerCase().includes(filter.toLowerCase()));
  return (
    <ModalForm
      title={`Counterparties of ${name}`}
      className="expand-chooser"
      action={`Add ${chosen.size}`}
      disabled={chosen.size === 0}
      onSubmit={() => onDone([...chosen])}
      onCancel={() => onDone(null)}
    >
      {error && <p className="error">{error}</p>}
      {!list && !error && <p className="muted">Reading the records…</p>}
      {list && (
        <>
          <p className="muted small">
            {list.total.toLocaleString()} counterparties, the biggest by value first
            {list.total > list.counterparties.length ? ` (the first ${list.counterparties.length} listed)` : ''}.
          </p>
          <input
            type="search"
            placeholder="Filter by name…"
            aria-label="Filter counterparties"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <table className="chooser-table">
            <thead>
              <tr>
                <th />
                <th>Name</th>
                <th>Way</th>
                <th className="right">Shipments</th>
                <th className="right">Value</th>
                <th>Dates</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={`${c.entityId}-${c.direction}`} className={c.onDiagram ? 'muted' : ''}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={c.name}
                      disabled={c.onDiagram}
                      checked={c.onDiagram || chosen.has(c.entityId)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(c.entityId);
                        else next.delete(c.entityId);
                        setChosen(next);
                      }}
                    />
                  </td>
                  <td>
                    {c.name} {c.country && <span className="muted">{c.country}</span>}
                  </td>
                  <td>{c.direction === 'out' ? 'buys from it' : 'sells to it'}</td>
                  <td className="right">{c.count.toLocaleString()}</td>
                  <td className="right">{usd(c.valueUsd)}</td>
                  <td className="small">
                    {c.firstDate} – {c.lastDate}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </ModalForm>
  );
}
