/**
 * The site's preview image for link cards (Open Graph, Twitter): a 1200×630 PNG drawn at build time
 * from the module itself — the site's name and tagline beside a few activation curves, computed by
 * `forward` at PyTorch's defaults and coloured with the charts' dark palette (src/plot THEMES).
 *
 * Drawn as an SVG and rasterised with resvg (@resvg/resvg-js, a prebuilt native binary from npm: no
 * browser in the build). Text uses KaTeX's own Main font from node_modules (the site's math font),
 * never the machine's fonts, so every build draws the same pixels. The plugin writes the PNG into
 * the build in `postBuild`; docusaurus.config.ts points `og:image` at it through themeConfig.image.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { Resvg } from '@resvg/resvg-js';
import { activationIds, activations } from '../../src/registry.js';
import { vectorFunctionIds } from '../../src/vector/softmax.js';
import { THEMES } from '../../src/plot/figure.js';

/** Where the card is in the build (under the base URL), its size, and its text alternative. */
export const OG_IMAGE = Object.freeze({
  path: 'img/og-card.png',
  width: 1200,
  height: 630,
  alt: 'Activation functions: ReLU, GELU, SiLU, ELU, tanh and sigmoid drawn as curves from -4 to 4, beside the site name.',
});

/** The curves on the card, in drawing order; their names appear in OG_IMAGE.alt. */
const CURVES = ['relu', 'gelu', 'silu', 'elu', 'tanh', 'sigmoid'] as const;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Splits `text` into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The card as SVG: text on the left, the plot on the right. */
export function ogCardSvg(title: string, tagline: string, footer: string): string {
  const { width: W, height: H } = OG_IMAGE;
  const theme = THEMES.dark;
  // The plot's box and its axes' ranges.
  const box = { x: 660, y: 70, w: 480, h: 490 };
  const [x0, x1, y0, y1] = [-4, 4, -1.5, 4];
  const sx = (x: number) => box.x + ((x - x0) / (x1 - x0)) * box.w;
  const sy = (y: number) => box.y + (1 - (y - y0) / (y1 - y0)) * box.h;
  const grid: string[] = [];
  for (let x = x0; x <= x1; x++) grid.push(`<line x1="${sx(x)}" y1="${box.y}" x2="${sx(x)}" y2="${box.y + box.h}"/>`);
  for (let y = Math.ceil(y0); y <= y1; y++) grid.push(`<line x1="${box.x}" y1="${sy(y)}" x2="${box.x + box.w}" y2="${sy(y)}"/>`);
  const curves = CURVES.map((id, i) => {
    const a = activations[id];
    if (!a) throw new Error(`og-image: no activation ${id} in the registry`);
    const points: string[] = [];
    for (let k = 0; k <= 400; k++) {
      const x = x0 + ((x1 - x0) * k) / 400;
      const y = Math.min(y1 + 0.5, Math.max(y0 - 0.5, a.forward(x)));
      points.push(`${sx(x).toFixed(2)},${sy(y).toFixed(2)}`);
    }
    const colour = theme.lines[i % theme.lines.length]!;
    // The legend: the empty upper left of the plot (x < 0, y > 1), one row per curve.
    const rowY = box.y + 44 + i * 40;
    return {
      path: `<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="5" stroke-linejoin="round" stroke-linecap="round"/>`,
      label: `<line x1="${box.x + 24}" y1="${rowY - 9}" x2="${box.x + 64}" y2="${rowY - 9}" stroke="${colour}" stroke-width="5" stroke-linecap="round"/><text x="${box.x + 78}" y="${rowY}" fill="${theme.font}" font-size="26">${escape(a.name)}</text>`,
    };
  });
  const taglineLines = wrap(tagline, 34)
    .map((l, i) => `<tspan x="64" dy="${i ? 44 : 0}">${escape(l)}</tspan>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="KaTeX_Main">
<rect width="${W}" height="${H}" fill="${theme.paper}"/>
<rect x="0" y="0" width="12" height="${H}" fill="${theme.lines[0]}"/>
<text x="64" y="170" fill="${theme.font}" font-size="76" font-weight="bold">${escape(title.split(' ')[0] ?? title)}</text>
<text x="64" y="258" fill="${theme.font}" font-size="76" font-weight="bold">${escape(title.split(' ').slice(1).join(' '))}</text>
<text x="64" y="340" fill="${theme.axis}" font-size="32">${taglineLines}</text>
<text x="64" y="556" fill="${theme.font}" font-size="24">${escape(footer)}</text>
<clipPath id="plot"><rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}"/></clipPath>
<g stroke="${theme.grid}" stroke-width="1.5">${grid.join('')}</g>
<g stroke="${theme.axis}" stroke-width="2.5"><line x1="${box.x}" y1="${sy(0)}" x2="${box.x + box.w}" y2="${sy(0)}"/><line x1="${sx(0)}" y1="${box.y}" x2="${sx(0)}" y2="${box.y + box.h}"/></g>
<rect x="${box.x + 8}" y="${box.y + 8}" width="190" height="${CURVES.length * 40 + 18}" fill="${theme.paper}" stroke="${theme.grid}" stroke-width="1.5" rx="6"/>
<g clip-path="url(#plot)">${curves.map((c) => c.path).join('')}</g>
${curves.map((c) => c.label).join('\n')}
</svg>`;
}

/** A PNG tEXt chunk (keyword, NUL, Latin-1 text) with its length and CRC. */
function textChunk(keyword: string, text: string): Buffer {
  const data = Buffer.concat([Buffer.from('tEXt', 'latin1'), Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const out = Buffer.alloc(data.length + 8);
  out.writeUInt32BE(data.length - 4, 0);
  data.copy(out, 4);
  out.writeUInt32BE(crc32(data) >>> 0, data.length + 4);
  return out;
}

/** KaTeX's Main font, regular and bold, as TrueType (from katex/dist/fonts): the only fonts the rasteriser may use. */
function fontFiles(fontsDir: string): string[] {
  return ['KaTeX_Main-Regular.ttf', 'KaTeX_Main-Bold.ttf'].map((f) => path.join(fontsDir, f));
}

/** The card as PNG bytes, with a tEXt chunk saying what made it (right after IHDR, as PNG requires of nothing else). */
export function renderOgCard(title: string, tagline: string, fontsDir: string): Buffer {
  const count = activationIds.length + vectorFunctionIds.length;
  const svg = ogCardSvg(title, tagline, `${count} functions, with formulas, derivatives and papers`);
  const png = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { fontFiles: fontFiles(fontsDir), loadSystemFonts: false, defaultFontFamily: 'KaTeX_Main' },
  })
    .render()
    .asPng();
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  const note = textChunk('Software', 'website/plugins/og-image.ts (activation-functions site build), rendered by resvg');
  return Buffer.concat([png.subarray(0, ihdrEnd), note, png.subarray(ihdrEnd)]);
}

/** Writes the card into the build, with the site's title and tagline. */
export default function ogImagePlugin(context: LoadContext): Plugin {
  // The repository's node_modules, beside website/ (as docusaurus.config.ts finds the module's dependencies).
  const fontsDir = path.join(context.siteDir, '..', 'node_modules', 'katex', 'dist', 'fonts');
  return {
    name: 'og-image',
    async postBuild({ outDir, siteConfig }) {
      const file = path.join(outDir, OG_IMAGE.path);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, renderOgCard(siteConfig.title, siteConfig.tagline, fontsDir));
    },
  };
}
