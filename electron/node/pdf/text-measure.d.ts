import type { FontSet } from './fonts';
import type { Measurer } from './line-break';
export declare function createMeasurer(fonts: FontSet): Measurer;
