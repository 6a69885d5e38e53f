/** A health trend as a small line: 0–100 bottom to top, oldest at the left. */
export function Sparkline({ points, label, width = 64, height = 18 }: { points: readonly number[]; label: string; width?: number; height?: number }) {
  if (points.length < 2) return <span className="muted" aria-label={label}>–</span>;
  const step = width / (points.length - 1);
  const y = (v: number) => (height - 2 - (Math.max(0, Math.min(100, v)) / 100) * (height - 4) + 1).toFixed(1);
  const d = points.map((v, i) => `${(i * step).toFixed(1)},${y(v)}`).join(' ');
  const last = points.at(-1)!;
  const first = points[0]!;
  return (
    <svg className={`spark ${last > first + 1 ? 'up' : last < first - 1 ? 'down' : 'flat'}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline points={d} fill="none" strokeWidth="1.5" />
    </svg>
  );
}
