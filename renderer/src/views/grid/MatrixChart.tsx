import { useRef, useState, type ReactNode } from 'react';
import { downloadBytes } from './files';

export interface ChartRow {
  label: string;
  segments: { color: string; name: string; value: number }[];
}

const MAX_ROWS = 40;
const LABEL_W = 270;
const BAR_H = 16;
const GAP = 6;
const WIDTH = 900;
const VALUE_W = 64;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Stacked bars: for each row, its value under each domain in the domain's colour; saved as SVG or PNG. */
export function MatrixChart(props: {
  title: string;
  fileName: string;
  rows: ChartRow[];
  format: (value: number) => string;
}): ReactNode {
  const svgRef = useRef<SVGSVGElement>(null);
  const [error, setError] = useState<string | null>(null);
  const rows = props.rows.slice(0, MAX_ROWS);
  const totals = rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0));
  const max = Math.max(1, ...totals);
  const legend = rows[0]?.segments ?? [];
  const barW = WIDTH - LABEL_W - VALUE_W;
  const top = 30;
  const legendTop = top + rows.length * (BAR_H + GAP) + 10;
  const legendCols = 3;
  const legendH = Math.ceil(legend.length / legendCols) * 18;
  const height = legendTop + legendH + 8;

  const svgText = (): string => {
    const svg = svgRef.current;
    if (!svg) throw new Error('the chart is not drawn');
    const xml = new XMLSerializer().serializeToString(svg);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
  };

  const saveSvg = (): void => {
    setError(null);
    downloadBytes(`${props.fileName}.svg`, 'image/svg+xml', svgText());
  };

  const savePng = async (): Promise<void> => {
    setError(null);
    try {
      const url = URL.createObjectURL(new Blob([svgText()], { type: 'image/svg+xml' }));
      const img = new Image();
      await new Promise<void>((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error('the browser could not draw the chart'));
        img.src = url;
      });
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = WIDTH * scale;
      canvas.height = height * scale;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no canvas to draw on');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the PNG could not be encoded');
      downloadBytes(`${props.fileName}.png`, 'image/png', blob);
    } catch (e) {
      setError(`The PNG could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="matrix-chart" aria-label="Chart">
      <div className="section-head">
        <h2>Distribution per row</h2>
        {props.rows.length > MAX_ROWS && (
          <span className="muted">
            first {MAX_ROWS} of {props.rows.length} rows, in the grid’s order
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={saveSvg}>
          Save SVG
        </button>
        <button type="button" onClick={() => void savePng()}>
          Save PNG
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <svg
        ref={svgRef}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-label={props.title}
        fontFamily="system-ui, 'Segoe UI', 'Liberation Sans', Arial, sans-serif"
        fontSize={11}
      >
        <rect x={0} y={0} width={WIDTH} height={height} fill="#ffffff" />
        <text x={0} y={16} fontSize={13} fontWeight={600} fill="#1d1f23">
          {props.title}
        </text>
        {rows.map((r, i) => {
          const y = top + i * (BAR_H + GAP);
          let x = LABEL_W;
          return (
            <g key={i} data-row={r.label}>
              <text x={LABEL_W - 8} y={y + BAR_H - 4} textAnchor="end" fill="#1d1f23">
                <title>{r.label}</title>
                {truncate(r.label, 40)}
              </text>
              <rect x={LABEL_W} y={y} width={barW} height={BAR_H} fill="#f1f1ee" />
              {r.segments.map((s, j) => {
                if (s.value <= 0) return null;
                const w = (s.value / max) * barW;
                const rect = (
                  <rect
                    key={j}
                    x={x}
                    y={y}
                    width={w}
                    height={BAR_H}
                    fill={s.color}
                    stroke="#ffffff"
                    strokeWidth={0.5}
                  >
                    <title>{`${s.name}: ${props.format(s.value)}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text
                x={WIDTH - VALUE_W + 8}
                y={y + BAR_H - 4}
                fill="#1d1f23"
                style={{ fontVariantNumeric: 'tabular-nums' }}
              >
                {props.format(totals[i])}
              </text>
            </g>
          );
        })}
        {legend.map((s, i) => {
          const col = i % legendCols;
          const row = Math.floor(i / legendCols);
          const x = LABEL_W + col * ((WIDTH - LABEL_W) / legendCols);
          const y = legendTop + row * 18;
          return (
            <g key={s.name}>
              <rect x={x} y={y} width={10} height={10} fill={s.color} />
              <text x={x + 15} y={y + 9} fill="#1d1f23">
                {truncate(s.name, 34)}
              </text>
            </g>
          );
        })}
      </svg>
    </section>
  );
}
