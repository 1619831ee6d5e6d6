export { importReportText, NEEDS_YEAR_ACTION } from './import-text';
export { importReportDocument, textDocument, tableCellCount, cell } from './document';
export type { ImportedBlock, ImportedCell, ImportedDocument, ImportedSource } from './document';
export { guessAgencyLevel } from './agency-level';
export type { ImportOptions, ImportProblem, ImportResult } from './types';
