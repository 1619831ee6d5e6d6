import type { StyledText } from './line-break';
export type OutlineLevel = 1 | 2 | 3 | 4 | null;
export declare function outlineLevel(line: string): OutlineLevel;
export interface Paragraph {
    parts: StyledText[];
    level: OutlineLevel;
}
export declare function paragraphsOf(text: string, skipHeading?: string): Paragraph[];
