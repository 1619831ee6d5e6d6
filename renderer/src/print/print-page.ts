// The print page (print.html), shown only in the hidden window 打印 opens in the app: it fetches the PDF of
// its print job from app:// (main serves it while the job runs), draws every page with pdf.js into a canvas
// the size of the paper, and says so through its title; main then opens the system print dialog.
import { PRINT_FAILED_TITLE_PREFIX, PRINT_JOB_FOLDER, PRINT_JOB_ID, PRINT_READY_TITLE } from '../../../shared/ipc/print-page';
import { drawPageForPrint, openPdf } from '../lib/pdf-render';
import './print-page.css';

async function drawJob(): Promise<void> {
  const job = new URLSearchParams(location.search).get('job') ?? '';
  if (!PRINT_JOB_ID.test(job)) throw new Error('打印任务编号无效');
  const response = await fetch(`./${PRINT_JOB_FOLDER}/${job}`);
  if (!response.ok) throw new Error(`打印任务的PDF读不到（${response.status}）`);
  const pdf = await openPdf(new Uint8Array(await response.arrayBuffer()));
  const container = document.getElementById('pages');
  if (!container) throw new Error('页面结构不完整');
  for (let n = 1; n <= pdf.numPages; n++) {
    const canvas = document.createElement('canvas');
    canvas.className = 'print-sheet';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `第 ${n} 页`);
    container.append(canvas);
    await drawPageForPrint(pdf, n, canvas);
  }
  document.body.dataset.pages = String(pdf.numPages);
}

drawJob().then(
  () => void (document.title = PRINT_READY_TITLE),
  (e: unknown) => void (document.title = `${PRINT_FAILED_TITLE_PREFIX}${e instanceof Error ? e.message : String(e)}`),
);
