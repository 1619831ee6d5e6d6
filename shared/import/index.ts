export { importReportText } from './import-text';
export { guessAgencyLevel } from './agency-level';
export type { ImportOptions, ImportPlace, ImportProblem, ImportResult } from './types';
