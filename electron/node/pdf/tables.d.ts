import type { GridCell, GridTable } from '../../../shared/formats/types';
import type { ReportDocument } from '../../../shared/model/report';
import { type Align, type Composer } from './page';
export interface PlacedCell {
    source: GridCell;
    text: string;
    row: number;
    col: number;
    rowSpan: number;
    colSpan: number;
    size: number;
    align: Align;
}
export interface TableLayout {
    table: GridTable['table'];
    colX: number[];
    header: PlacedCell[];
    headerHeights: number[];
    body: PlacedCell[];
    bodyHeights: number[];
    /** breakable[b]: a page may end before body row b (b = 1 … rows − 1). */
    breakable: boolean[];
}
/** Text printed in a cell: fixed labels as they are, numbers as given (no rounding, no unit), blank for null. */
export declare function cellText(cell: GridCell, doc: ReportDocument): string;
/** As given: 24252.3111 stays 24252.3111; no exponent notation for the values a report can hold. */
export declare function formatNumber(value: number): string;
export declare function layoutTable(composer: Composer, grid: GridTable, doc: ReportDocument): TableLayout;
/** Draws the table from the composer's position on, page by page. */
export declare function drawTable(composer: Composer, t: TableLayout): void;
