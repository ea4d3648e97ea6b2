import { useHsTexts } from './hs-texts';
import './hs-chapters.css';

/** HS chapters (or any codes), each with its HS 2022 text beside it: "88 · Aircraft, spacecraft, and parts thereof". */
export function HsChapters({ chapters }: { chapters: readonly string[] }) {
  const texts = useHsTexts(chapters);
  if (chapters.length === 0) return <>—</>;
  return (
    <ul className="hs-chapter-list">
      {chapters.map((ch) => (
        <li key={ch}>
          <strong>{ch}</strong>
          {texts.has(ch) && <span className="muted"> · {texts.get(ch)}</span>}
        </li>
      ))}
    </ul>
  );
}
