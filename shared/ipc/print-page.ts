// The print page (renderer/print.html) and main agree on these: main loads the page with a job id, the page
// fetches that job's PDF from app://, draws its pages and reports through its document title (the page has
// no bridge: it needs nothing from main but the bytes).
export const PRINT_PAGE = 'print.html';
/** The folder of app:// URLs under which main serves the PDF of a print job, by id. */
export const PRINT_JOB_FOLDER = 'print-job';
/** The page's title once every page is drawn: main may open the print dialog. */
export const PRINT_READY_TITLE = 'nianbao-print:ready';
/** The page's title when it could not draw the pages: the prefix, then the reason. */
export const PRINT_FAILED_TITLE_PREFIX = 'nianbao-print:failed:';
/** What a print job id looks like (a UUID); anything else is refused by the page and by main. */
export const PRINT_JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type PrintPageStatus = { kind: 'drawing' } | { kind: 'ready' } | { kind: 'failed'; reason: string };

/** What the print page's title says about it. */
export function printPageStatus(title: unknown): PrintPageStatus {
  if (title === PRINT_READY_TITLE) return { kind: 'ready' };
  if (typeof title === 'string' && title.startsWith(PRINT_FAILED_TITLE_PREFIX)) {
    return { kind: 'failed', reason: title.slice(PRINT_FAILED_TITLE_PREFIX.length).slice(0, 300) };
  }
  return { kind: 'drawing' };
}
