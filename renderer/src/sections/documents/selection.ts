/** What the person has selected in a view: the quote, its page, and where on the page it starts when that is known. */
export interface PageSelection {
  quote: string;
  page: number;
  start?: number;
}

export type SelectionReader = () => PageSelection | null;

/**
 * The selection inside an element whose page blocks carry `data-page`:
 * the page of the block where the selection starts, and its offset in the
 * block's text (exact when the block's text is the page's text).
 */
export function selectionIn(win: Window | null, fallbackPage: number): PageSelection | null {
  // fallbackPage: for a block whose data-page is not a number.
  const sel = win?.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const quote = sel.toString().trim();
  if (!quote) return null;
  const range = sel.getRangeAt(0);
  const start = range.startContainer;
  const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
  const block = el?.closest('[data-page]');
  // Text selected elsewhere (the side panel, the toolbar) is not a quote from the document.
  if (!block) return null;
  const page = Number(block.getAttribute('data-page')) || fallbackPage;
  const before = block.ownerDocument.createRange();
  before.setStart(block, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return { quote, page, start: before.toString().length };
}
