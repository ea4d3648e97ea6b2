import { CsvParser } from './csv-parser';

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * Picks the delimiter that splits the first records of a text into the
 * same number of fields (more than one) most consistently; ties go to
 * the one giving more fields. Parsing (not counting characters) keeps
 * delimiters inside quoted fields from voting.
 */
export function sniffDelimiter(sample: string): string {
  let best = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts: number[] = [];
    const parser = new CsvParser(d);
    parser.push(sample, false, (fields) => {
      if (counts.length < 50) counts.push(fields.length);
    });
    if (counts.length === 0) parser.push('', true, (fields) => counts.push(fields.length));
    const header = counts[0] ?? 0;
    if (header < 2) continue;
    const same = counts.filter((c) => c === header).length / counts.length;
    const score = same * 1000 + Math.min(header, 999);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}
