/**
 * The decision boundary over the plane, with the data points: a canvas, because it is redrawn up to
 * thirty times a second. Each cell of the worker's grid is coloured by the class probabilities
 * (the classes' chart colours, faded toward the page background where the network is unsure);
 * training points are filled, test points are rings.
 */
import React, { useEffect, useRef, type ReactNode } from 'react';
import type { Palette } from '@site/src/lib/playground/settings';
import type { Plane } from '@site/src/lib/playground/run';
import styles from './styles.module.css';

export interface Points {
  readonly trainX: Float64Array;
  readonly trainY: Int32Array;
  readonly testX: Float64Array;
  readonly testY: Int32Array;
  readonly classes: number;
}

/** Drawing size in canvas pixels (the page scales it to the column); sharp on a 2× screen at 360 px. */
const SIZE = 720;

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export default function BoundaryCanvas({
  plane,
  points,
  probabilities,
  palette,
  label,
}: {
  plane: Plane | null;
  points: Points | null;
  probabilities: Float32Array | null;
  /** The chart colours of the current colour mode (the module's THEMES, from the catalog). */
  palette: Palette;
  label: string;
}): ReactNode {
  const ref = useRef<HTMLCanvasElement>(null);
  const grid = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const paper = rgb(palette.paper);
    ctx.fillStyle = palette.paper;
    ctx.fillRect(0, 0, SIZE, SIZE);
    if (!plane || !points) return;
    const k = points.classes;
    const colours = palette.lines.slice(0, k).map(rgb);

    if (probabilities) {
      const cells = plane.cells;
      grid.current ??= document.createElement('canvas');
      const g = grid.current;
      g.width = cells;
      g.height = cells;
      const gctx = g.getContext('2d')!;
      const image = gctx.createImageData(cells, cells);
      for (let r = 0; r < cells; r++) {
        for (let c = 0; c < cells; c++) {
          const cell = r * cells + c;
          let best = 0;
          const mix = [0, 0, 0];
          for (let j = 0; j < k; j++) {
            const p = probabilities[cell * k + j]!;
            if (p > best) best = p;
            for (let ch = 0; ch < 3; ch++) mix[ch]! += p * colours[j]![ch]!;
          }
          // 0 where the classes are equally likely, 1 where one is certain; at most 60% colour, so points stay visible.
          const sure = k > 1 ? Math.max(0, (best - 1 / k) / (1 - 1 / k)) : 1;
          const alpha = 0.15 + 0.45 * sure;
          // Row 0 of the grid is y = min, the bottom of the picture.
          const o = ((cells - 1 - r) * cells + c) * 4;
          for (let ch = 0; ch < 3; ch++) image.data[o + ch] = paper[ch]! + alpha * (mix[ch]! - paper[ch]!);
          image.data[o + 3] = 255;
        }
      }
      gctx.putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(g, 0, 0, SIZE, SIZE);
    }

    const toPx = (v: number) => ((v - plane.min) / (plane.max - plane.min)) * SIZE;
    const radius = SIZE / 110;
    const draw = (x: Float64Array, y: Int32Array, filled: boolean) => {
      for (let i = 0; i < y.length; i++) {
        ctx.beginPath();
        ctx.arc(toPx(x[2 * i]!), SIZE - toPx(x[2 * i + 1]!), radius, 0, 2 * Math.PI);
        const colour = palette.lines[y[i]!]!;
        if (filled) {
          ctx.fillStyle = colour;
          ctx.fill();
          ctx.lineWidth = 1.5;
          ctx.strokeStyle = palette.font;
          ctx.stroke();
        } else {
          ctx.lineWidth = 3;
          ctx.strokeStyle = colour;
          ctx.stroke();
        }
      }
    };
    draw(points.trainX, points.trainY, true);
    draw(points.testX, points.testY, false);
  }, [plane, points, probabilities, palette]);

  return <canvas ref={ref} width={SIZE} height={SIZE} className={styles.canvas} role="img" aria-label={label} data-testid="boundary" />;
}
