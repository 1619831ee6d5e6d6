import type PDFDocument from 'pdfkit';
import type { FaceName } from './fonts';
import { type Line, type Measurer, type StyledText } from './line-break';
export declare const MM: number;
export declare const PAGE: {
    width: number;
    height: number;
    top: number;
    bottom: number;
    left: number;
    right: number;
};
export declare const TEXT_WIDTH: number;
export declare const TEXT_HEIGHT: number;
export declare const SIZES: {
    title: number;
    body: number;
    pageNumber: number;
    table: number;
    tableNarrow: number;
    findings: number;
};
/** 22 lines in the 225 mm text block. */
export declare const BODY_PITCH: number;
/** Baseline of a line of `size` points set in a line box of height `pitch`: the ideographic em box is centred. */
export declare const baselineIn: (top: number, pitch: number, size: number) => number;
export type Align = 'justify' | 'center' | 'left';
export interface PageOptions {
    draft: boolean;
}
/** Draws lines of text and keeps the vertical position; starts pages with their number and watermark. */
export declare class Composer {
    readonly pdf: PDFKit.PDFDocument;
    readonly measurer: Measurer;
    private readonly faceName;
    private readonly options;
    y: number;
    pageCount: number;
    private readonly registered;
    constructor(pdf: PDFKit.PDFDocument, measurer: Measurer, faceName: (face: FaceName) => string, options: PageOptions);
    newPage(): void;
    get remaining(): number;
    /** Starts a new page unless `height` still fits on this one. */
    ensure(height: number): void;
    get atPageTop(): boolean;
    layout(parts: StyledText[], size: number, width: number, firstIndent?: number): Line[];
    /** Draws one line with its baseline at `baseline`, `x` being the left edge of the available width. */
    drawLine(line: Line, x: number, baseline: number, width: number, size: number, align: Align): void;
    drawRun(text: string, face: FaceName, x: number, baseline: number, size: number, spacing?: number): void;
    /**
     * A paragraph in the running text: lines of `pitch`, a page break wherever the page is full.
     * `keepWithNext` reserves room for that much more below the paragraph's last line (headings).
     */
    paragraph(parts: StyledText[], opts: {
        size: number;
        pitch: number;
        indent: number;
        align: Align;
        keepWithNext?: number;
    }): void;
    private drawWatermark;
    private drawPageNumber;
}
export type { PDFDocument };
