// What the app says when an imported text names no year: the CLI takes --year/--agency; the app asks for
// the year and the agency name in a small form (import:complete) and imports again with them. For
// 从上年报告开始 the form asks for last year's report's year, and the new report is the year after it.
export { NEEDS_YEAR_ACTION } from '../../../shared/import/index';
export const APP_NEEDS_YEAR_ACTION = '请填写报告年度和机关名称，再导入。';
export const APP_NEEDS_LAST_YEAR_ACTION = '请填写上年报告的年度和机关名称，再从它开始（新报告的年度为其下一年）。';
