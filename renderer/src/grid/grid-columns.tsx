// The columns of a printed grid at their relative widths: the editor's grid and the 汇总 read-only view.
export function GridColumns({ widths }: { widths: readonly number[] }) {
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    <colgroup>
      {widths.map((w, i) => (
        <col key={i} style={{ width: `${((w / total) * 100).toFixed(2)}%` }} />
      ))}
    </colgroup>
  );
}
