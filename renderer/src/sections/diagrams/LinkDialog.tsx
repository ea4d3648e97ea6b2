import { useEffect, useState } from 'react';
import { GRADES, LINK_TYPES, type Grade, type Link, type LinkType } from '../../../../shared/domain/diagrams';
import type { Excerpt } from '../../../../shared/domain/documents';
import type { CustomsRecord } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import { showModal } from '../../components/modal';
import { ModalForm } from '../../components/ModalForm';
import { usd } from './flow-model';

export interface LinkAnswer {
  kind: 'link' | 'free';
  type: LinkType;
  customLabel: string;
  grade: Grade;
  /** The edge's label on the canvas (empty: the link type's own words). */
  label: string;
  note: string;
  records: number[];
  excerpts: number[];
}

interface Question {
  from: string;
  to: string;
  /** Both ends are entities: a link can be drawn (else only a labelled edge). */
  canLink: boolean;
  /** Records offered as evidence: those of the shipments between the two (either way). */
  candidates: number[];
  /** Editing an existing link. */
  link?: Link;
  /** Candidates ticked to begin with (a new link from chosen records). */
  ticked?: number[];
  label?: string;
}

/** Asks what to draw between two nodes, or how to change a link; null when cancelled. */
export function askLink(q: Question): Promise<LinkAnswer | null> {
  return showModal<LinkAnswer | null>((answer) => <LinkDialog {...q} onDone={answer} />);
}

const TYPE_WORDS: Record<LinkType, string> = {
  owns: 'owns',
  subsidiary_of: 'subsidiary of',
  director_of: 'director of',
  supplier_of: 'supplier of',
  associated: 'associated with',
  custom: 'other (say what)',
};

const ids = (text: string) => [...new Set((text.match(/\d+/g) ?? []).map(Number))];

function LinkDialog({
  from,
  to,
  canLink,
  candidates,
  link,
  ticked,
  label: initialLabel,
  onDone,
}: Question & {
  onDone(a: LinkAnswer | null): void;
}) {
  const [a, setA] = useState<LinkAnswer>({
    kind: canLink ? 'link' : 'free',
    type: link?.type ?? 'associated',
    customLabel: link?.customLabel ?? '',
    grade: link?.grade ?? 'tentative',
    label: initialLabel ?? '',
    note: link?.note ?? '',
    records: link?.evidence.filter((e) => e.kind === 'record').map((e) => e.id) ?? ticked ?? [],
    excerpts: link?.evidence.filter((e) => e.kind === 'excerpt').map((e) => e.id) ?? [],
  });
  const set = (patch: Partial<LinkAnswer>) => setA((old) => ({ ...old, ...patch }));
  const [records, setRecords] = useState<CustomsRecord[]>([]);
  const [excerpts, setExcerpts] = useState<Excerpt[]>([]);
  const [other, setOther] = useState(a.records.filter((id) => !candidates.includes(id)).join(', '));
  useEffect(() => {
    void Promise.all(candidates.slice(0, 40).map((id) => client.call('records.get', { id }))).then((rs) =>
      setRecords(rs.flatMap((r) => (r.ok ? [r.value.record] : []))),
    );
    void client.call('excerpts.list', {}).then((r) => r.ok && setExcerpts(r.value));
  }, [candidates]);
  const toggle = (list: number[], id: number, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const chosenRecords = [...new Set([...a.records.filter((id) => candidates.includes(id)), ...ids(other)])];
  const valid = a.kind === 'free' ? a.label.trim() !== '' : a.type !== 'custom' || a.customLabel.trim() !== '';
  return (
    <ModalForm
      title={`${link ? 'Edit link' : 'Connect'} ${from} → ${to}`}
      className="link-dialog"
      action={link ? 'Save' : 'Draw'}
      disabled={!valid}
      onSubmit={() => onDone({ ...a, records: chosenRecords })}
      onCancel={() => onDone(null)}
    >
      {canLink && !link && (
        <fieldset className="row">
          <label>
            <input type="radio" checked={a.kind === 'link'} onChange={() => set({ kind: 'link' })} /> Link (graded, with
            evidence)
          </label>
          <label>
            <input type="radio" checked={a.kind === 'free'} onChange={() => set({ kind: 'free' })} /> Labelled line
          </label>
        </fieldset>
      )}
      {a.kind === 'link' && (
        <>
          <label className="field">
            Kind
            <select value={a.type} onChange={(e) => set({ type: e.target.value as LinkType })}>
              {LINK_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_WORDS[t]}
                </option>
              ))}
            </select>
          </label>
          {a.type === 'custom' && (
            <label className="field">
              What the link is
              <input value={a.customLabel} onChange={(e) => set({ customLabel: e.target.value })} />
            </label>
          )}
          <fieldset className="row" aria-label="Grade">
            {GRADES.map((g) => (
              <label key={g}>
                <input type="radio" name="grade" checked={a.grade === g} onChange={() => set({ grade: g })} /> {g}
              </label>
            ))}
          </fieldset>
        </>
      )}
      <label className="field">
        Label on the canvas{a.kind === 'link' ? ' (optional)' : ''}
        <input value={a.label} onChange={(e) => set({ label: e.target.value })} autoFocus />
      </label>
      {a.kind === 'link' && (
        <>
          <label className="field">
            Note
            <textarea value={a.note} onChange={(e) => set({ note: e.target.value })} />
          </label>
          <fieldset className="evidence-choice">
            <legend>Evidence: records</legend>
            {records.length === 0 && <p className="muted small">No shipment records between these two.</p>}
            {records.map((r) => (
              <label key={r.id} className="check">
                <input
                  type="checkbox"
                  checked={a.records.includes(r.id)}
                  onChange={(e) => set({ records: toggle(a.records, r.id, e.target.checked) })}
                />{' '}
                #{r.id} {r.date} · {r.hsCode} · {r.valueUsd === null ? '—' : usd(r.valueUsd)}
              </label>
            ))}
            <label className="field">
              Other record ids
              <input value={other} onChange={(e) => setOther(e.target.value)} placeholder="e.g. 120, 377" />
            </label>
          </fieldset>
          {excerpts.length > 0 && (
            <fieldset className="evidence-choice">
              <legend>Evidence: excerpts</legend>
              {excerpts.slice(0, 100).map((x) => (
                <label key={x.id} className="check">
                  <input
                    type="checkbox"
                    checked={a.excerpts.includes(x.id)}
                    onChange={(e) => set({ excerpts: toggle(a.excerpts, x.id, e.target.checked) })}
                  />{' '}
                  “{x.quote.slice(0, 70)}”{' '}
                  <span className="muted">
                    {x.documentTitle}, p. {x.page}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
    </ModalForm>
  );
}
