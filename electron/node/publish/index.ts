// The website version (.html) and the Word version (.docx) of a report, checked like the final PDF: a
// published or forwarded report must not carry an error or an unexplained confirm finding, unless the
// user asks for a draft.
import { blockingFindings, describeOpenWork, openWork, runChecks } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/types';
import type { ReportDocument } from '../../../shared/model/report';
import { reportDocx } from './docx';
import { reportHtml } from './html';

export type PublishKind = 'html' | 'docx';

export const PUBLISH_KIND_NAMES: Record<PublishKind, string> = { html: '网页版', docx: 'Word 版' };

export interface PublishOptions {
  /** 'draft' exports whatever the checks say. */
  mode: 'final' | 'draft';
  previous?: ReportDocument;
  /** `YYYY-MM-DD`: the date of issue when the report has none (the day of the export). */
  today: string;
}

export type PublishResult = { ok: true; bytes: Uint8Array; findings: Finding[] } | { ok: false; reason: 'blocked'; findings: Finding[]; message: string };

export async function publishReport(doc: ReportDocument, kind: PublishKind, opts: PublishOptions): Promise<PublishResult> {
  const findings = runChecks({ report: doc, ...(opts.previous ? { previous: opts.previous } : {}) });
  if (opts.mode === 'final') {
    const blocking = blockingFindings(findings);
    if (blocking.length > 0) {
      return {
        ok: false,
        reason: 'blocked',
        findings: blocking,
        message: `不能导出${PUBLISH_KIND_NAMES[kind]}：还有 ${describeOpenWork(openWork(blocking)).join('、')}。请先填写、改正或写明说明；只为内部修改时，可按草稿导出。`,
      };
    }
  }
  const format = { today: opts.today, draft: opts.mode === 'draft' };
  const bytes = kind === 'html' ? new TextEncoder().encode(reportHtml(doc, format)) : new Uint8Array(await reportDocx(doc, format));
  return { ok: true, bytes, findings };
}

export { DRAFT_NOTICE } from './publication';
export { reportDocx, reportHtml };
