import type { ReportDocument } from '../model/report';
import type { SectionKey } from '../formats/index';
import type { Finding } from './types';
import type { CheckPlan } from './plan';
export declare const OVERVIEW_MAX_CHARACTERS = 1000;
/** A section's text, or '' when the section is missing or not text. */
export declare function sectionText(report: ReportDocument, key: SectionKey): string;
/** True when the text has nothing but whitespace (including the full-width space). */
export declare function isBlankText(text: string): boolean;
/** Characters as a reader counts 字: code points, whitespace and line breaks not counted. */
export declare function countCharacters(text: string): number;
export declare function mentionsFee(text: string): boolean;
export declare function checkTexts(report: ReportDocument, plan: CheckPlan, out: Finding[]): void;
