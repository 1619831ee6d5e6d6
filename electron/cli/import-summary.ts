// What `nianbao import` and `nianbao import-text` print after writing a report: what was read, per table
// and section, and every place the user should check.
import { formatModel, PLACE_NAMES, TABLE_NAMES } from '../../shared/formats/index';
import type { ImportProblem } from '../../shared/import/index';
import { reportTitle, type ReportDocument } from '../../shared/model/report';
import type { CliIo } from './cli-kit';

export function printImportSummary(io: CliIo, doc: ReportDocument, problems: ImportProblem[], output: string, source?: string): void {
  const model = formatModel(doc.format);
  const counts = (['t2', 't3', 't4'] as const).map((t) => {
    const keys = model.keysByTable[t];
    const read = keys.filter((k) => doc.cells[k] !== null && doc.cells[k] !== undefined).length;
    return `${TABLE_NAMES[t]} ${read}/${keys.length} 格`;
  });
  const chars = (s: string) => [...s.replace(/\n/g, '')].length;
  io.out(`${source ? `已从${source}导入` : '已导入'}“${reportTitle(doc)}”（${doc.format} 年格式，机关层级：${doc.agency.level}）→ ${output}`);
  io.out(`读出：${counts.join('，')}；正文 一 ${chars(doc.sections.overview)} 字、五 ${chars(doc.sections.problems)} 字、六 ${chars(doc.sections.other)} 字。`);
  if (problems.length === 0) {
    io.out('没有需要核对的地方。');
  } else {
    io.out(`需要核对的地方（${problems.length} 处）：`);
    for (const p of problems) io.out(`  [${PLACE_NAMES[p.place]}] ${p.message}`);
  }
}
