// @vitest-environment jsdom
// GridColumns: one <col> per column of a printed grid, each at its share of the summed widths.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GridColumns } from '../../../../renderer/src/grid/grid-columns';
import { formatModel } from '../../../../shared/formats/index';

afterEach(cleanup);

function widthsOf(widths: readonly number[]): string[] {
  const { container } = render(
    <table>
      <GridColumns widths={widths} />
    </table>,
  );
  return [...container.querySelectorAll('colgroup > col')].map((col) => (col as HTMLElement).style.width);
}

describe('GridColumns', () => {
  it('gives each column its share of the total width in percent, rounded to two decimals', () => {
    expect(widthsOf([1, 3])).toEqual(['25%', '75%']);
    expect(widthsOf([1, 1, 1])).toEqual(['33.33%', '33.33%', '33.33%']);
    expect(widthsOf([2, 1])).toEqual(['66.67%', '33.33%']);
  });

  it('keeps the proportions whatever unit the widths are given in', () => {
    expect(widthsOf([20, 60, 20])).toEqual(widthsOf([1, 3, 1]));
  });

  it('draws as many columns as a table of the report has, summing to the whole width', () => {
    const widths = formatModel('2021').grids.t3.columnWidths;
    const shown = widthsOf(widths).map((w) => parseFloat(w));
    expect(shown).toHaveLength(widths.length);
    expect(shown.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  });
});
