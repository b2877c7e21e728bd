/**
 * Chart.js plugins for the metrics charts: shaded time bands (faults grey, firing alerts red)
 * under the lines, and the diagram's time as a dashed line over them. Every chart shares the
 * run's time axis, so a band or the cursor sits at the same x on each.
 */
import type { Plugin } from 'chart.js';

export interface Band {
  fromS: number;
  /** null: until the end of the axis. */
  toS: number | null;
  kind: 'fault' | 'alert';
}

const FILL = { fault: 'rgba(127, 140, 141, 0.22)', alert: 'rgba(192, 57, 43, 0.22)' } as const;

export function bandsPlugin(bands: () => readonly Band[]): Plugin<'line'> {
  return {
    id: 'mx-bands',
    beforeDatasetsDraw(chart) {
      const x = chart.scales['x'];
      const area = chart.chartArea;
      if (!x) return;
      const g = chart.ctx;
      g.save();
      for (const b of bands()) {
        const left = Math.max(area.left, x.getPixelForValue(b.fromS));
        const right = Math.min(area.right, b.toS === null ? area.right : x.getPixelForValue(b.toS));
        if (right < left) continue;
        g.fillStyle = FILL[b.kind];
        // A band of zero width (an instant) still shows, two pixels wide.
        g.fillRect(left, area.top, Math.max(2, right - left), area.bottom - area.top);
      }
      g.restore();
    },
  };
}

export function cursorPlugin(cursor: { seconds: number | null }, color: () => string): Plugin<'line'> {
  return {
    id: 'mx-cursor',
    afterDatasetsDraw(chart) {
      if (cursor.seconds === null) return;
      const px = chart.scales['x']?.getPixelForValue(cursor.seconds);
      const area = chart.chartArea;
      if (px === undefined || px < area.left || px > area.right) return;
      const g = chart.ctx;
      g.save();
      g.strokeStyle = color();
      g.lineWidth = 1;
      g.setLineDash([2, 3]);
      g.beginPath();
      g.moveTo(px, area.top);
      g.lineTo(px, area.bottom);
      g.stroke();
      g.restore();
    },
  };
}
