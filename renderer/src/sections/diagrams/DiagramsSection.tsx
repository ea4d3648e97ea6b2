import { intOrNull, useRoute } from '../../router';
import { DiagramCanvas } from './DiagramCanvas';
import { DiagramList } from './DiagramList';
import './diagrams.css';
import './diagram-panels.css';

/** `#/diagrams` lists the case's diagrams; `#/diagrams/ID` opens one on the canvas. */
export function DiagramsSection() {
  const id = useRoute((s) => (s.route.section === 'diagrams' ? intOrNull(s.route.path[0]) : null));
  return id === null ? <DiagramList /> : <DiagramCanvas key={id} id={id} />;
}
