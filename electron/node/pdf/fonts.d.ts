import type { Font } from 'fontkit';
/** serif: body and tables (仿宋 stand-in) · serifBold: title (小标宋) · sans: 一、 headings (黑体) · kai: （一） headings (楷体). */
export type FaceName = 'serif' | 'serifBold' | 'sans' | 'kai';
export declare const FACE_NAMES: readonly FaceName[];
export declare const FONT_FILES: Record<FaceName, string>;
/** Where a character goes when the face asked for has no glyph for it. */
export declare const FALLBACK: Record<FaceName, FaceName[]>;
/** assets/fonts of the source tree; the Electron main process passes process.resourcesPath + '/fonts'. */
export declare const DEFAULT_FONT_DIR: string;
export interface FontSet {
    dir: string;
    faces: Record<FaceName, Font>;
    /** The face that actually prints `ch` when `face` is asked for. */
    resolve(face: FaceName, codePoint: number): FaceName;
    /** True when some face of the chain has a glyph for the character. */
    covers(face: FaceName, codePoint: number): boolean;
}
export declare class MissingFontError extends Error {
}
export declare function loadFontSet(dir?: string): FontSet;
