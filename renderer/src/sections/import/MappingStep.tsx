import { useEffect, useState } from 'react';
import type { ImportPreview } from '../../../../shared/api/records';
import { RECORD_FIELDS, type Mapping, type PresetInfo, type RecordField } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import { PreviewTable } from './PreviewTable';

interface Props {
  preview: ImportPreview;
  mapping: Mapping;
  onMapping(m: Mapping): void;
}

const SHOWN: RecordField[] = [
  'date',
  'shipper',
  'consignee',
  'hsCode',
  'description',
  'quantity',
  'grossKg',
  'valueUsd',
  'originCountry',
];

/** Column → field, started from the preset or the header-name suggestion, with the first rows normalized live. */
export function MappingStep({ preview, mapping, onMapping }: Props) {
  const [presets, setPresets] = useState<PresetInfo[]>([]);
  const [saveName, setSaveName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void client.call('import.presets', {}).then((r) => r.ok && setPresets(r.value));
  }, []);
  const set = (column: string, field: string) => {
    const columns = { ...mapping.columns };
    if (field) columns[column] = field as RecordField;
    else delete columns[column];
    onMapping({ ...mapping, columns });
  };
  const applyPreset = (name: string) => {
    const p = presets.find((x) => x.name === name);
    if (p) onMapping(p.mapping);
  };
  const shown = SHOWN.filter((f) => Object.values(mapping.columns).includes(f));
  return (
    <>
      <div className="wizard-options">
        <label>
          Start from
          <select aria-label="Preset" value="" onChange={(e) => applyPreset(e.target.value)}>
            <option value="">a preset or saved mapping…</option>
            {presets.map((p) => (
              <option key={p.name} value={p.name}>
                {p.origin === 'saved' ? `${p.name} (saved)` : p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Dates
          <select
            aria-label="Date order"
            value={mapping.dateOrder ?? 'auto'}
            onChange={(e) => onMapping({ ...mapping, dateOrder: e.target.value as Mapping['dateOrder'] })}
          >
            <option value="auto">auto (ISO, dd.mm.yyyy; flag d/m vs m/d)</option>
            <option value="dmy">day first (dd/mm/yyyy)</option>
            <option value="mdy">month first (mm/dd/yyyy)</option>
          </select>
        </label>
        <label>
          Save as
          <input
            type="text"
            value={saveName}
            onChange={(e) => setSaveName(e.target.value)}
            placeholder="mapping name"
            aria-label="Mapping name"
          />
        </label>
        <button
          disabled={!saveName.trim()}
          onClick={() =>
            void client
              .call('import.saveMapping', { name: saveName.trim(), mapping })
              .then((r) => setSaved(r.ok ? `Saved as “${r.value.name}”.` : r.error.message))
          }
        >
          Save mapping
        </button>
        {saved && <span className="small muted">{saved}</span>}
      </div>
      <PreviewTable
        columns={preview.columns}
        rows={preview.rows}
        headExtra={(c) => (
          <select
            aria-label={`Field for ${c}`}
            value={mapping.columns[c] ?? ''}
            onChange={(e) => set(c, e.target.value)}
          >
            <option value="">(raw only)</option>
            {RECORD_FIELDS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        )}
      />
      <h4>Normalized preview</h4>
      <div className="preview-scroll" tabIndex={0} role="region" aria-label="Normalized preview, scrollable">
        <table className="preview-table" aria-label="Normalized preview">
          <thead>
            <tr>
              <th>#</th>
              {shown.map((f) => (
                <th key={f}>{f}</th>
              ))}
              <th>flags</th>
            </tr>
          </thead>
          <tbody>
            {preview.normalized.slice(0, 20).map((n, i) => (
              <tr key={i}>
                <td className="muted">{i + 1}</td>
                {shown.map((f) => (
                  <td key={f}>{n.fields[f] === null ? '' : String(n.fields[f])}</td>
                ))}
                <td>
                  {n.flags.map((f) => (
                    <span key={f} className="flag">
                      {f.replace(/_/g, ' ')}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
