// The request of every invoke channel, written once as a valibot schema: the TypeScript request types
// (InvokeRequest, in contract.ts) and main's validator (validate-payload.ts) both come from here, and so does
// the channel list. A report inside a request is checked by the same parser as a report file.
//
// Every string check looks at the UTF-16 length before counting characters, so a huge string costs O(1) to
// refuse (a compromised renderer could otherwise make main count millions of characters per message).
import * as v from 'valibot';
import { parseReportData } from '../model/document';
import { codePointCount } from '../model/json-schema';
import { reportYearProblem, TABLE_NAMES } from '../formats/vocabulary';
import { AGENCY_LEVELS, type ReportDocument } from '../model/report';

/** A string of `min`…`max` characters. A string longer than 2 × max UTF-16 units is refused without counting. */
function text(max: number, min = 0) {
  return v.pipe(
    v.string('应为文本'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const s = dataset.value;
      // Characters ≤ UTF-16 units ≤ 2 × characters.
      if (s.length <= max && s.length >= min) return;
      if (s.length > 2 * max) {
        addIssue({ message: `最多 ${max} 个字符，实际至少 ${Math.ceil(s.length / 2)} 个` });
        return;
      }
      const count = codePointCount(s);
      if (count > max) addIssue({ message: `最多 ${max} 个字符，实际 ${count} 个` });
      else if (count < min) addIssue({ message: min === 1 ? '不能为空' : `至少 ${min} 个字符` });
    }),
  );
}

const ID = v.pipe(text(100, 1), v.regex(/^[A-Za-z0-9._:-]+$/, '格式不对'));
const oneOf = <const T extends readonly string[]>(values: T) => v.picklist(values, `应为 ${values.map((x) => `“${x}”`).join('、')} 之一`);
const MODE = oneOf(['final', 'draft']);
const FORMAT = oneOf(['2019', '2021']);
const LEVEL = oneOf(AGENCY_LEVELS);
const FLAG = v.boolean('应为 true 或 false');

/** An object with exactly these keys (optional ones may be left out). */
function record<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, (issue) => {
    if (issue.expected === 'never') return '不允许有这一项';
    if (issue.expected?.startsWith('"')) return '缺少此项';
    return '应为对象';
  });
}

/** A report: parsed (and migrated) by the same code as a report file; its problems are listed. */
function report(which: string) {
  return v.pipe(
    v.custom<ReportDocument>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), `应为${which}对象`),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const parsed = parseReportData(dataset.value);
      if (parsed.ok) return parsed.doc;
      addIssue({ message: `${which}内容有误。${parsed.message}`, expected: REPORT_ISSUE });
      for (const problem of parsed.problems.slice(0, MAX_PROBLEMS)) addIssue({ message: problem.message, expected: REPORT_PROBLEM });
      return NEVER;
    }),
  );
}
/** Marks the issues of a report inside a request: the summary, and each problem found in it. */
export const REPORT_ISSUE = 'report';
export const REPORT_PROBLEM = 'report-problem';
export const MAX_PROBLEMS = 50;

const EMPTY = record({});
/** A report year: the supported range, refused with the same words as everywhere (shared/formats). */
const YEAR = v.pipe(
  v.number('应为数字'),
  v.check((year) => reportYearProblem(year) === null, (issue) => `：${reportYearProblem(issue.input as number) ?? ''}`),
);
const COLUMN = v.pipe(v.number('应为数字'), v.integer('应为整数'), v.minValue(0, '不能小于 0'), v.maxValue(16383, '不能大于 16383'));
const RESULT_TARGETS = v.pipe(v.array(v.pipe(text(40, 1), v.regex(/^[A-Za-z.]+$/, '格式不对')), '应为数组'), v.maxLength(8, '最多 8 项'));
const MAX_LEDGER_VALUES = 5000;
function valueMap<T extends v.GenericSchema>(value: T) {
  return v.pipe(
    v.record(text(500, 1), value, '应为对象'),
    v.check((o) => Object.keys(o).length <= MAX_LEDGER_VALUES, `最多 ${MAX_LEDGER_VALUES} 个值`),
  );
}
/** The column and value mapping of a ledger (shared/ledger/mapping.ts LedgerMapping). */
const LEDGER_MAPPING = record({
  headerRow: v.pipe(v.number('应为数字'), v.integer('应为整数'), v.minValue(1, '不能小于 1'), v.maxValue(1_048_576, '不能大于 1048576')),
  columns: record({
    serial: v.optional(COLUMN), received: v.optional(COLUMN), applicant: v.optional(COLUMN), applicantType: v.optional(COLUMN),
    content: v.optional(COLUMN), answered: v.optional(COLUMN), result: v.optional(COLUMN), reason: v.optional(COLUMN), note: v.optional(COLUMN),
  }),
  applicantValues: valueMap(oneOf(['natural', 'commercial', 'research', 'publicInterest', 'legalServices', 'otherOrg'])),
  resultValues: valueMap(RESULT_TARGETS),
  reasonValues: valueMap(RESULT_TARGETS),
});
const LEDGER_ID = ID;
const DOC = report('报告');
const PREVIOUS = v.optional(report('上一年度报告'));

/** Characters of pasted report text (import:text). */
export const MAX_IMPORT_TEXT = 500_000;
/** Bytes of a file dropped onto the window (import:dropped): the importer's own size limit. */
export const MAX_DROPPED_BYTES = 20 * 1024 * 1024;

const FILE_BYTES = v.pipe(
  v.instance(Uint8Array, '应为文件内容'),
  v.check((b) => b.byteLength <= MAX_DROPPED_BYTES, `文件超过 ${MAX_DROPPED_BYTES / 1024 / 1024} MB，不像一份年度报告`),
);

/** Included reports or confirmed matches in one merge:decide (a receiving office has hundreds of units). */
export const MAX_MERGE_DECISIONS = 1500;

export const REQUEST_SCHEMAS = {
  'app:info': EMPTY,
  'app:ready': EMPTY,
  'prefs:get': EMPTY,
  'prefs:setAgency': record({ agency: record({ name: text(100), level: LEVEL, region: text(100), contact: text(200) }) }),

  'doc:new': record({
    year: YEAR,
    agencyName: text(100),
    level: LEVEL,
    region: v.optional(text(100)),
    format: v.optional(FORMAT),
  }),
  'doc:open': EMPTY,
  'doc:openRecent': record({ recentId: ID }),
  'doc:save': record({ docId: ID, doc: DOC, overwriteChanged: v.optional(FLAG) }),
  'doc:saveAs': record({ docId: ID, doc: DOC }),
  'doc:autosave': record({ docId: ID, doc: DOC }),
  'doc:setDirty': record({ docId: ID, dirty: FLAG }),
  'doc:close': record({ docId: ID }),
  'doc:openPrevious': EMPTY,

  'recovery:list': EMPTY,
  'recovery:restore': record({ recoveryId: ID }),
  'recovery:discard': record({ recoveryId: ID }),

  'backups:list': record({ docId: ID }),
  'backups:restore': record({ docId: ID, backupId: ID }),

  'import:text': record({ text: text(MAX_IMPORT_TEXT, 1) }),
  'import:textFile': EMPTY,
  'import:pdf': EMPTY,
  'import:file': EMPTY,
  'import:dropped': record({ name: text(255, 1), bytes: FILE_BYTES }),
  'import:startFromPrevious': EMPTY,
  /** The year and agency name asked for after a `needs-year` answer (the importer's year/agencyName options). */
  'import:complete': record({ importId: ID, year: YEAR, agencyName: v.pipe(text(100, 1), v.check((s) => s.trim() !== '', '不能为空')) }),
  'import:discard': record({ importId: ID }),

  'export:pdf': record({ docId: ID, doc: DOC, mode: MODE, previous: PREVIOUS }),
  'export:preview': record({ doc: DOC, mode: MODE, previous: PREVIOUS }),
  /** Prints the final or draft PDF through the system print dialog (the app only: see app:info). */
  'export:print': record({ doc: DOC, mode: MODE, previous: PREVIOUS }),
  /** The website version (html) or the Word version (docx): save dialog, then written. */
  'export:publish': record({ docId: ID, doc: DOC, kind: oneOf(['html', 'docx']), mode: MODE, previous: PREVIOUS }),
  'shell:showExport': record({ exportId: ID }),

  /** Shows the save dialog and writes the ledger template for a year. */
  'ledger:template': record({ year: YEAR, format: FORMAT }),
  /** Shows the open dialog, reads a ledger and proposes its mapping (last year's choices of the agency first). */
  'ledger:open': record({ year: YEAR, format: FORMAT, agencyName: text(100) }),
  /** Table 3 of an opened ledger under a mapping (values recounted, rows excluded with reasons). */
  'ledger:count': record({ ledgerId: LEDGER_ID, mapping: LEDGER_MAPPING, year: YEAR, format: FORMAT }),
  /** The ledger rows one table 3 cell counts (drill-down). */
  'ledger:rows': record({ ledgerId: LEDGER_ID, mapping: LEDGER_MAPPING, year: YEAR, format: FORMAT, key: v.pipe(text(80, 4), v.regex(/^t3\.[A-Za-z.]+$/, `应为${TABLE_NAMES.t3}单元格`)) }),
  /** Remembers the confirmed mapping for the agency's next ledger. */
  'ledger:remember': record({ ledgerId: LEDGER_ID, mapping: LEDGER_MAPPING, agencyName: text(100) }),

  /** 汇总: shows the open dialog (report files, or a folder read with its sub-folders) and reads what was
   *  chosen into the merge `mergeId` (a new one when absent). */
  'merge:add': record({ mergeId: v.optional(ID), kind: oneOf(['files', 'folder']) }),
  /** Shows the open dialog for the roster of expected units (.txt one name a line, or .xlsx). */
  'merge:roster': record({ mergeId: ID }),
  /** The user's decisions: the group to sum, marked reports included (naming whose figures count),
   *  fuzzy roster matches confirmed. Each call states all of them. */
  'merge:decide': record({
    mergeId: ID,
    group: v.optional(record({ year: YEAR, format: FORMAT })),
    include: v.pipe(v.array(record({ unitId: ID, choice: oneOf(['printed', 'embedded']) }), '应为数组'), v.maxLength(MAX_MERGE_DECISIONS, `最多 ${MAX_MERGE_DECISIONS} 项`)),
    matches: v.pipe(v.array(record({ unitId: ID, rosterName: text(200, 1) }), '应为数组'), v.maxLength(MAX_MERGE_DECISIONS, `最多 ${MAX_MERGE_DECISIONS} 项`)),
  }),
  /** One unit's report, to show read-only. */
  'merge:unit': record({ mergeId: ID, unitId: ID }),
  /** Builds the summary report (agency: the receiving office) and opens it as an unsaved document. */
  'merge:summary': record({ mergeId: ID, agencyName: text(100, 1), level: LEVEL, region: v.optional(text(100)) }),
  /** Shows the save dialog and writes the workbook (.xlsx). */
  'merge:workbook': record({ mergeId: ID }),
  /** Forgets the merge (its reports stay in their files). */
  'merge:close': record({ mergeId: ID }),
} as const;

export type RequestSchemas = typeof REQUEST_SCHEMAS;
export type InvokeChannel = keyof RequestSchemas;
/** What the renderer sends on `C` (and, after validation, what its handler gets). */
export type InvokeRequest<C extends InvokeChannel> = v.InferOutput<RequestSchemas[C]>;

/** Every invoke channel, in the order above. */
export const INVOKE_CHANNELS = Object.keys(REQUEST_SCHEMAS) as InvokeChannel[];
