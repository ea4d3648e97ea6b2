import { useEffect, useRef, useState } from 'react';
import type { BriefContent, BriefSummary, Citation } from '../../../../shared/domain/briefs';
import { client } from '../../api/client';
import { showModal } from '../../components/modal';
import { ModalForm } from '../../components/ModalForm';
import { navigate } from '../../router';

/** Where a citation goes: a brief (or a new one by title) and a finding in it (or a new one with this text). */
interface Target {
  brief: number | 'new';
  title: string;
  finding: number | 'new';
  text: string;
}

/**
 * "Cite in brief…" from anywhere in the app: asks which brief and which
 * finding (either may be new), adds the citation there and saves a new
 * version. Resolves to what to tell the investigator, or null when they
 * cancelled.
 */
export async function citeInBrief(citation: Citation, what: string): Promise<string | null> {
  const target = await showModal<Target | null>((answer) => <CiteDialog what={what} onDone={answer} />);
  if (!target) return null;
  let content: BriefContent;
  if (target.brief === 'new') content = { title: target.title, author: '', summary: '', findings: [], diagrams: [] };
  else {
    const r = await client.call('briefs.get', { id: target.brief });
    if (!r.ok) return r.error.message;
    content = r.value.content;
  }
  const findings = [...content.findings];
  let index = target.finding === 'new' ? findings.length : target.finding;
  if (target.finding === 'new') findings.push({ text: target.text, citations: [] });
  const finding = findings[index]!;
  findings[index] = { ...finding, citations: [...finding.citations, citation] };
  const saved = await client.call('briefs.save', {
    ...(target.brief === 'new' ? {} : { id: target.brief }),
    content: { ...content, findings },
  });
  if (!saved.ok) return saved.error.message;
  index += 1;
  return `Cited in “${saved.value.content.title}”, finding ${index} (version ${saved.value.version}).`;
}

function CiteDialog({ what, onDone }: { what: string; onDone(t: Target | null): void }) {
  const [briefs, setBriefs] = useState<BriefSummary[]>([]);
  const [t, setT] = useState<Target>({ brief: 'new', title: '', finding: 'new', text: '' });
  const [findings, setFindings] = useState<string[]>([]);
  const set = (patch: Partial<Target>) => setT((old) => ({ ...old, ...patch }));
  // The finding picked by hand is kept when a brief's findings arrive after it (they default to the last one).
  const picked = useRef(false);
  useEffect(() => {
    void client.call('briefs.list', {}).then((r) => {
      if (!r.ok) return;
      const own = r.value.filter((b) => b.generatedFrom === null);
      setBriefs(own);
      if (own[0]) set({ brief: own[0].id });
    });
  }, []);
  useEffect(() => {
    if (t.brief === 'new') return setFindings([]);
    void client.call('briefs.get', { id: t.brief }).then((r) => {
      if (!r.ok) return;
      const list = r.value.content.findings.map((f) => f.text);
      setFindings(list);
      if (!picked.current) set({ finding: list.length ? list.length - 1 : 'new' });
    });
  }, [t.brief]);
  const valid = (t.brief !== 'new' || t.title.trim() !== '') && (t.finding !== 'new' || t.text.trim() !== '');
  return (
    <ModalForm
      title="Cite in brief"
      className="cite-dialog"
      action="Cite"
      disabled={!valid}
      onSubmit={() => onDone({ ...t, title: t.title.trim(), text: t.text.trim() })}
      onCancel={() => onDone(null)}
    >
      <p className="muted">{what}</p>
      <label className="field">
        Brief
        <select
          value={String(t.brief)}
          onChange={(e) => {
            picked.current = false;
            set({ brief: e.target.value === 'new' ? 'new' : Number(e.target.value), finding: 'new' });
          }}
        >
          <option value="new">A new brief</option>
          {briefs.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title} (version {b.version})
            </option>
          ))}
        </select>
      </label>
      {t.brief === 'new' && (
        <label className="field">
          Title of the new brief
          <input value={t.title} onChange={(e) => set({ title: e.target.value })} autoFocus />
        </label>
      )}
      <label className="field">
        Finding
        <select
          value={String(t.finding)}
          onChange={(e) => {
            picked.current = true;
            set({ finding: e.target.value === 'new' ? 'new' : Number(e.target.value) });
          }}
        >
          <option value="new">A new finding</option>
          {findings.map((text, i) => (
            <option key={i} value={i}>
              {i + 1}. {text.length > 70 ? `${text.slice(0, 70)}…` : text || '(no text yet)'}
            </option>
          ))}
        </select>
      </label>
      {t.finding === 'new' && (
        <label className="field">
          What the new finding says
          <textarea value={t.text} onChange={(e) => set({ text: e.target.value })} />
        </label>
      )}
    </ModalForm>
  );
}

/** A "Cite in brief…" button: `cite` says what to cite (null: nothing to cite now); the outcome is shown beside it. */
export function CiteButton({
  cite,
  what,
  label = 'Cite in brief…',
  className,
}: {
  cite: () => Citation | null | Promise<Citation | null>;
  what: string;
  label?: string;
  className?: string;
}) {
  const [said, setSaid] = useState<string | null>(null);
  const run = async () => {
    setSaid(null);
    const citation = await cite();
    if (!citation) return;
    setSaid(await citeInBrief(citation, what));
  };
  return (
    <>
      <button type="button" className={className} onClick={() => void run()}>
        {label}
      </button>
      {said && (
        <span className="small cite-said" role="status">
          {said}{' '}
          <button type="button" className="link" onClick={() => navigate('#/briefs')}>
            Open Briefs
          </button>
        </span>
      )}
    </>
  );
}
