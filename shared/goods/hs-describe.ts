/**
 * HS codes described from the HS 2022 nomenclature (NOTICE-hs2022.txt).
 * The table is 800 kB of text: it is imported on the first call, so a
 * thread that never describes a code (an import worker, the renderer)
 * never holds it. The bundlers keep the JSON out of the module's start-up
 * (esbuild wraps it in a function called at the first import()).
 */
import { chplTierOf, HS2017_TO_2022, type HsDescription } from './hs-codes';

type Nomenclature = Readonly<Record<string, string>>;

let loading: Promise<Nomenclature> | null = null;

const load = (): Promise<Nomenclature> =>
  (loading ??= import('./hs2022.data.json').then((m) => (m.default ?? m) as Nomenclature));

/** A describer of HS codes, once the nomenclature is loaded. */
export async function hsDescriber(): Promise<(hsCode: string | null | undefined) => HsDescription | null> {
  const table = await load();
  return (hsCode) => describeWith(table, hsCode);
}

/**
 * A record's HS code (digits, any length) described by its chapter,
 * heading and subheading, as deep as both the code and the nomenclature
 * go; a 2017 subheading that 2022 renumbered is described as its new one.
 * Null when not even the chapter is known.
 */
function describeWith(table: Nomenclature, hsCode: string | null | undefined): HsDescription | null {
  const digits = hsCode?.replace(/\D/g, '') ?? '';
  if (digits.length < 2) return null;
  const old = digits.slice(0, 6);
  const mapped = HS2017_TO_2022[old];
  const code = mapped ?? digits.slice(0, 6);
  const levels: HsDescription['levels'] = [];
  for (const n of [2, 4, 6]) {
    if (code.length < n) break;
    const text = table[code.slice(0, n)];
    if (text === undefined) break;
    levels.push({ code: code.slice(0, n), text });
  }
  if (levels.length === 0) return null;
  return { code: levels.at(-1)!.code, levels, from2017: mapped ? old : null, chplTier: chplTierOf(digits) };
}
