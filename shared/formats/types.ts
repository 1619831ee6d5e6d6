// The two official formats as data. Every label, key and merged span of the report lives here and
// nowhere else: the editor, the check engine, the PDF and the text importer all read these types.

export type FormatId = '2019' | '2021';
/** The three statistical tables, in print order. */
export const TABLE_IDS = ['t2', 't3', 't4'] as const;
export type TableId = (typeof TABLE_IDS)[number];
/** The three narrative sections, in print order. */
export const SECTION_KEYS = ['overview', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** count: non-negative integer · signedCount: any integer (本年增/减) · amount: ≥ 0 with ≤ 4 decimals. */
export type CellKind = 'count' | 'signedCount' | 'amount';

/** One numeric cell of a table, with the labels that name it in messages and screen readers. */
export interface CellDef {
  key: string;
  table: TableId;
  kind: CellKind;
  /** Row label path, outermost first, e.g. ['三、本年度办理结果', '（三）不予公开', '4.保护第三方合法权益']. */
  rowLabels: string[];
  /** Column label path, outermost first, e.g. ['申请人情况', '法人或其他组织', '商业企业']. */
  columnLabels: string[];
  /** True for cells the tool computes from their parts (t3 totals, t4 totals). */
  computed: boolean;
}

/** One cell of a table's printed grid: either fixed text (header or row label) or a value slot. */
export interface GridCell {
  /** Fixed text; absent for value cells. */
  text?: string;
  /** Canonical cell key for a value cell. */
  key?: string;
  role: 'title' | 'header' | 'label' | 'value';
  /** A header whose column's unit the report chooses (2019 采购总金额): the value cell it heads. */
  unitOf?: string;
  rowSpan: number;
  colSpan: number;
}

/** A printed table: a column count, header rows (repeated on page breaks) and body rows. */
export interface GridTable {
  table: TableId;
  columns: number;
  /** Relative column widths (sum is arbitrary), used by the PDF and the editor. */
  columnWidths: number[];
  headerRows: GridCell[][];
  bodyRows: GridCell[][];
}

export interface T2Column {
  key: string;
  label: string;
  kind: CellKind;
}

export interface T2Row {
  key: string;
  label: string;
}

export interface T2SubTable {
  title: string;
  columns: T2Column[];
  rows: T2Row[];
}

export interface T3Column {
  key: string;
  label: string;
}

/** A data row of table 3. `labels` is the label path, outermost first; the printed grid merges equal
 * consecutive labels into row spans and lets the last label span the remaining label columns. */
export interface T3Row {
  key: string;
  labels: string[];
  /** Part of the sum that makes up （七）总计 (resultsTotal). */
  resultPart: boolean;
}

export interface T4Group {
  key: string;
  label: string;
  /** 'suitDirect' and 'suitAfterReview' sit under 行政诉讼. */
  parent?: string;
}

export interface T4Column {
  key: string;
  label: string;
}

export interface SectionDef {
  key: SectionKey | TableId;
  heading: string;
}

export interface FormatDef {
  id: FormatId;
  /** Official document that issued the format. */
  source: string;
  /** First and last report year (inclusive) the format applies to; last is undefined for "and later". */
  firstYear: number;
  lastYear?: number;
  sections: SectionDef[];
  /** Section 六 must report the 信息处理费 charged (or that none was): 2021 on. */
  feeReportedUnderOther: boolean;
  t2: {
    subTables: T2SubTable[];
    gridColumns: number;
    firstHeader: string;
    /** The amount whose unit (元/万元) the report chooses and prints in its header (2019 采购总金额). */
    unitChosenFor?: string;
  };
  t3: {
    noteHeader: string;
    applicantHeader: string;
    organisationHeader: string;
    columns: T3Column[];
    rows: T3Row[];
    /** Number of label columns on the left (3). */
    labelColumns: number;
    /** The result group （六）其他处理: one row in 2019, three in 2021. */
    otherResultsLabel: string;
  };
  t4: { reviewLabel: string; suitLabel: string; groups: T4Group[]; columns: T4Column[] };
}
