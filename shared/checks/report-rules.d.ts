import type { FormatId } from '../formats/index';
import type { ReportDocument } from '../model/report';
import type { Finding } from './types';
import type { CellBuffer, CheckPlan } from './plan';
export declare const MIN_YEAR = 2008;
export declare const MAX_YEAR = 2100;
/** t3.otherShare: （六）其他处理 above this share of （七）总计 is worth a look. */
export declare const OTHER_SHARE_LIMIT = 0.1;
export declare function isKnownFormat(format: unknown): format is FormatId;
export declare function isValidYear(year: unknown): year is number;
export declare function checkMeta(report: ReportDocument, out: Finding[]): void;
/** 乡镇 and 县级 bodies have no power to make 规章; a non-zero 规章 figure is usually internal rules. */
export declare function checkRegulationsPower(report: ReportDocument, plan: CheckPlan, cur: CellBuffer, out: Finding[]): void;
export declare function checkOtherShare(plan: CheckPlan, cur: CellBuffer, out: Finding[]): void;
