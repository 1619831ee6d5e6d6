import type { CellDef } from '../formats/index';
/** 12 → “12”, 0.30000000000000004 → “0.3” (amounts carry at most 4 decimals). */
export declare function num(n: number): string;
/** “表三“（七）总计”行“自然人”列”. */
export declare function nameOf(def: CellDef): string;
export declare function rowLabel(def: CellDef): string;
export declare function columnLabel(def: CellDef): string;
/** “（相差 2）”. */
export declare function difference(a: number, b: number): string;
export declare const TABLE_NAMES: {
    readonly t2: "表二";
    readonly t3: "表三";
    readonly t4: "表四";
};
/** Lists at most `max` items with 、 and “等 N 项” for the rest. */
export declare function listSome(items: string[], max: number): string;
