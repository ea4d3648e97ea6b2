import { describe, expect, it } from 'vitest';
import { detailLines, humanLabel } from '../../renderer/src/sections/audit/audit-detail';

describe('audit details as text', () => {
  it('names keys as words', () => {
    expect(humanLabel('rowsImported')).toBe('Rows imported');
    expect(humanLabel('entity_id')).toBe('Entity ID');
    expect(humanLabel('sha256')).toBe('SHA-256');
    expect(humanLabel('valueUsd')).toBe('Value USD');
  });

  it('an import entry reads as labelled lines, hashes shortened but kept whole', () => {
    const sha = 'ab'.repeat(32);
    const lines = detailLines({
      importId: 3,
      file: 'ru-customs-2k.csv',
      sha256: sha,
      preset: null,
      rowsRead: 2001,
      alreadyImported: false,
      warnings: ['one', 'two'],
      mapping: { SENDER: 'shipper', DATE: 'date' },
      ratio: 0.5,
    });
    expect(lines).toEqual([
      { label: 'Import ID', value: '3' },
      { label: 'File', value: 'ru-customs-2k.csv' },
      { label: 'SHA-256', value: `${sha.slice(0, 12)}…`, full: sha },
      { label: 'Preset', value: '—' },
      { label: 'Rows read', value: '2,001' },
      { label: 'Already imported', value: 'no' },
      { label: 'Warnings', value: 'one, two' },
      { label: 'Mapping', value: 'SENDER → shipper · DATE → date' },
      { label: 'Ratio', value: '0.5' },
    ]);
    expect(detailLines({ documents: [{ documentId: 1, sha256: sha, pages: 5 }, { documentId: 2 }] })).toEqual([
      { label: 'Documents', value: `Document ID 1 · SHA-256 ${sha.slice(0, 12)}… · Pages 5; Document ID 2` },
    ]);
    expect(detailLines(null)).toEqual([]);
    expect(detailLines('plain')).toEqual([{ label: 'Detail', value: 'plain' }]);
  });
});
