import { readFileSync } from 'node:fs';
import { importReportText } from './shared/import/index';
import { runChecks, extractMentions } from './shared/checks/index';
const r = importReportText(readFileSync('../shared/seed/huangjin-2019.txt', 'utf8'));
const doc = (r as any).doc ?? (r as any).report;
for (const s of ['overview', 'problems', 'other'] as const) console.log(s, extractMentions(doc.sections[s], { year: doc.year, agencyName: doc.agency.name }).map((m) => [m.kind, m.value, m.said]));
console.log(runChecks({ report: doc }).filter((f) => f.rule === 'text.numbers'));
