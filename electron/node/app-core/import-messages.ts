// What the app says when an imported text names no year: it cannot ask for the year at import yet (the
// CLI takes --year/--agency), so the clerk adds the title the text lacks.
export { NEEDS_YEAR_ACTION } from '../../../shared/import/index';
export const APP_NEEDS_YEAR_ACTION = '请在文本开头补上标题（如“2023年某某镇政府信息公开工作年度报告”）后重新导入。';
