import type { ComponentType } from 'react';
import { RecordsSection } from './records/RecordsSection';
import { AuditSection } from './audit/AuditSection';
import { EntitiesSection } from './entities/EntitiesSection';
import { DocumentsSection } from './documents/DocumentsSection';
import { SearchSection } from './documents/SearchSection';
import { ImportsSection } from './imports/ImportsSection';
import { DiagramsSection } from './diagrams/DiagramsSection';
import { ListsSection } from './lists/ListsSection';
import { RiskSection } from './risk/RiskSection';
import { BriefsSection } from './briefs/BriefsSection';
import { MergeSection } from './merge/MergeSection';

export interface Section {
  id: string;
  label: string;
  /** null: not built yet; the workspace says so plainly. */
  component: ComponentType | null;
  /** What the section will do, shown while it is not built. */
  plan: string;
}

/** The workspace's sidebar, in order. Each area registers its component here. */
export const SECTIONS: Section[] = [
  {
    id: 'records',
    label: 'Records',
    component: RecordsSection,
    plan: 'Imported customs records with their provenance.',
  },
  {
    id: 'imports',
    label: 'Imports',
    component: ImportsSection,
    plan: 'Each import of a customs file: what became of its rows, and the rows it rejected.',
  },
  {
    id: 'documents',
    label: 'Documents',
    component: DocumentsSection,
    plan: 'Source documents stored by hash, read page by page, searchable, with citable excerpts.',
  },
  {
    id: 'entities',
    label: 'Entities',
    component: EntitiesSection,
    plan: 'Companies resolved across spellings and scripts, with a review queue.',
  },
  {
    id: 'diagrams',
    label: 'Diagrams',
    component: DiagramsSection,
    plan: 'Annotated network diagrams drawn from the records and links.',
  },
  {
    id: 'briefs',
    label: 'Briefs',
    component: BriefsSection,
    plan: 'Evidence briefs in PDF where every claim cites its row or page.',
  },
  { id: 'lists', label: 'Lists', component: ListsSection, plan: 'Sanctions lists and screening hits.' },
  {
    id: 'risk',
    label: 'Risk',
    component: RiskSection,
    plan: 'Sanctioned counterparties, CHPL goods by tier and route, flows into sanctioned entities.',
  },
  { id: 'search', label: 'Search', component: SearchSection, plan: 'Records and document pages found together.' },
  { id: 'audit', label: 'Audit', component: AuditSection, plan: 'Every change to the case, hash-chained.' },
  { id: 'merge', label: 'Merge', component: MergeSection, plan: 'Bring a colleague’s case into this one.' },
];
