import type { FaceName } from './fonts';
/** Characters that must not begin a line. */
export declare const NO_LINE_START: Set<string>;
/** Characters that must not end a line. */
export declare const NO_LINE_END: Set<string>;
/** A piece of text in one requested face. */
export interface StyledText {
    text: string;
    face: FaceName;
}
/** The smallest unit of line breaking: one Chinese character, a Latin word or number, a space, —— or …… . */
export interface Atom {
    text: string;
    /** The face that prints it (after per-character fallback). */
    face: FaceName;
    /** Width in points at the layout's font size. */
    width: number;
    /** Glyph count: character spacing is added after each glyph. */
    glyphs: number;
    space: boolean;
    noStart: boolean;
    noEnd: boolean;
}
export interface Line {
    atoms: Atom[];
    /** Natural width (trailing spaces excluded). */
    width: number;
    glyphs: number;
    /** Last line of its paragraph: not justified. */
    last: boolean;
}
export interface Measurer {
    /** Face that prints this code point when `face` is requested. */
    resolve(face: FaceName, codePoint: number): FaceName;
    /** Advance width in points at size 1, and glyph count. */
    measure(face: FaceName, text: string): {
        width: number;
        glyphs: number;
    };
}
/** Splits styled text into atoms measured at `size` points. Newlines must be handled by the caller. */
export declare function toAtoms(parts: StyledText[], measurer: Measurer, size: number): Atom[];
/**
 * Greedy line breaking with the 避头尾 rules. `firstWidth` is the first line's width (after the
 * indent), `width` the others'. Leading spaces of continuation lines are dropped.
 */
export declare function breakLines(input: Atom[], firstWidth: number, width: number, measurer: Measurer, size: number): Line[];
/** Character spacing that makes a non-last line exactly `width` wide (0 for last lines). */
export declare function justifySpacing(line: Line, width: number): number;
/** Consecutive atoms of a line in the same face, drawn as one text run. */
export interface Run {
    text: string;
    face: FaceName;
    /** Offset from the line start, spacing included. */
    x: number;
}
export declare function lineRuns(line: Line, spacing: number): Run[];
/** The text of a line, for tests. */
export declare const lineText: (line: Line) => string;
