/**
 * Documents without printed pages (HTML, DOCX, text) are cut into logical
 * pages of about this many characters, at paragraph boundaries, so that a
 * search hit or an excerpt points somewhere as precise as a printed page.
 */
export const LOGICAL_PAGE_CHARS = 3000;

/** Groups consecutive items into pages whose text stays near the target size (an item is never split). */
export function groupIntoPages<T>(items: T[], size: (item: T) => number, target = LOGICAL_PAGE_CHARS): T[][] {
  const pages: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && chars + n > target) {
      pages.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += n;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/**
 * Plain text into pages: a form feed always starts a new page (as printed
 * text files mark them); otherwise paragraphs (blank-line separated) are
 * grouped up to the target size. A single paragraph longer than two pages
 * is cut at line ends.
 */
export function paginateText(text: string): string[] {
  if (text.trim() === '') return [''];
  const pages: string[] = [];
  for (const sheet of text.split('\f')) {
    const paragraphs = sheet
      .split(/\n[ \t]*\n/)
      .flatMap((p) => (p.length > 2 * LOGICAL_PAGE_CHARS ? splitLines(p) : [p]));
    for (const group of groupIntoPages(paragraphs, (p) => p.length + 2)) {
      const page = group.join('\n\n').trim();
      if (page) pages.push(page);
    }
  }
  return pages.length ? pages : [''];
}

function splitLines(paragraph: string): string[] {
  return groupIntoPages(paragraph.split('\n'), (l) => l.length + 1).map((g) => g.join('\n'));
}
