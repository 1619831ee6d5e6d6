// What the app says when an imported text names no year: the CLI takes --year/--agency; the app asks for
// the year and the agency name in a small form (import:complete) and imports again with them.
export { NEEDS_YEAR_ACTION } from '../../../shared/import/index';
export const APP_NEEDS_YEAR_ACTION = '请填写报告年度和机关名称，再导入。';
