// Small SVG charts, no library: bars for a value per label, a line for a running total.
const W = 640, H = 200, PAD = 28;

export function BarChart({ data, label }: { data: { label: string; value: number }[]; label: (v: number) => string }) {
  if (!data.length) return null;
  const max = Math.max(1, ...data.map((d) => Math.abs(d.value)));
  const bw = (W - 2 * PAD) / data.length;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H + 30}`} role="img">
      <line x1={PAD} x2={W - PAD} y1={H} y2={H} className="axis" />
      {data.map((d, i) => {
        const h = (Math.abs(d.value) / max) * (H - PAD);
        return (
          <g key={d.label}>
            <rect x={PAD + i * bw + bw * 0.1} y={H - h} width={bw * 0.8} height={h} className={d.value < 0 ? 'bar negative' : 'bar'}><title>{`${d.label}: ${label(d.value)}`}</title></rect>
            {data.length <= 31 && <text x={PAD + i * bw + bw / 2} y={H + 14} className="tick">{d.label.slice(-5)}</text>}
          </g>
        );
      })}
      <text x={PAD} y={14} className="tick">{label(max)}</text>
    </svg>
  );
}

export function LineChart({ points, label }: { points: { label: string; value: number }[]; label: (v: number) => string }) {
  if (!points.length) return null;
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = points.length > 1 ? (W - 2 * PAD) / (points.length - 1) : 0;
  const xy = points.map((p, i) => `${PAD + i * step},${H - (p.value / max) * (H - PAD)}`);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H + 30}`} role="img">
      <line x1={PAD} x2={W - PAD} y1={H} y2={H} className="axis" />
      <polyline points={xy.join(' ')} className="line" />
      {points.length <= 400 && xy.map((p, i) => {
        const [cx, cy] = p.split(',');
        return <circle key={i} cx={cx} cy={cy} r={3} className="dot"><title>{`${points[i].label}: ${label(points[i].value)}`}</title></circle>;
      })}
      <text x={PAD} y={14} className="tick">{label(max)}</text>
      <text x={PAD} y={H + 14} className="tick">{points[0].label}</text>
      <text x={W - PAD} y={H + 14} className="tick end">{points[points.length - 1].label}</text>
    </svg>
  );
}
