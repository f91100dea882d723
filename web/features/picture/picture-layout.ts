/**
 * The map as a picture for a report or a slide (导出图片): a title band, the map as drawn, its
 * legend and overlay keys, a north arrow and a scale bar over the map, and a footer that says
 * where the figures come from. Laid out here as a list of drawing operations in CSS pixels, with
 * text widths measured by the caller (a canvas in the browser, a fixed-width stand-in in tests);
 * draw-picture.ts paints them. Pure: no DOM, no clock.
 */
import type { LegendModel, SwatchGlyph } from '../legend/legend-model.ts';

export const PICTURE_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
const INK = '#222a33';
const INK_2 = '#55606c';
const INK_3 = '#8a939c';
const LINE = '#e1ddd5';
const PAPER = '#ffffff';
const HEADER = '#1f2d3b';

export type Align = 'left' | 'right' | 'center';

export type PictureOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string; radius?: number; alpha?: number }
  | { op: 'text'; x: number; y: number; text: string; size: number; bold?: boolean; color: string; align: Align; alpha?: number }
  | { op: 'map'; x: number; y: number; w: number; h: number }
  | { op: 'swatch'; x: number; y: number; size: number; color: string; glyph: SwatchGlyph; alpha?: number }
  | { op: 'line'; points: [number, number][]; color: string; width: number; dash?: number[] }
  | { op: 'north'; x: number; y: number; size: number; bearingDeg: number };

/** Width in CSS pixels of `text` at `size` px (bold or not). */
export type Measure = (text: string, size: number, bold: boolean) => number;

export interface ScaleBar {
  metres: number;
  px: number;
  label: string;
}

/** Metres per CSS pixel at a latitude and zoom (512 px tiles, Web Mercator). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The longest 1–2–5 × 10ⁿ metres that fits in `maxPx`, labelled in 米 or 公里. */
export function scaleBar(metresPerPx: number, maxPx: number): ScaleBar {
  const limit = metresPerPx * maxPx;
  const decade = 10 ** Math.floor(Math.log10(limit));
  const metres = [5, 2, 1].map((k) => k * decade).find((m) => m <= limit) ?? decade;
  const label = metres >= 1000 ? `${metres / 1000} 公里` : `${metres} 米`;
  return { metres, px: metres / metresPerPx, label };
}

export interface OverlayKeyLine {
  label: string;
  color: string;
  glyph: SwatchGlyph;
}

export interface PictureInput {
  /** The map's drawn size, in CSS pixels. */
  mapWidth: number;
  mapHeight: number;
  title: string;
  subtitle: string;
  legend: LegendModel;
  /** Keys of the overlays switched on (land status, candidates, footprints). */
  overlayKeys: readonly OverlayKeyLine[];
  /** Null when the view is tilted (3D): one bar cannot hold across the picture. */
  scale: ScaleBar | null;
  bearingDeg: number;
  /** Source, run, coordinates, data version. */
  footerLeft: string;
  /** When it was exported. */
  footerRight: string;
}

export interface PictureLayout {
  width: number;
  height: number;
  ops: PictureOp[];
}

/** The boundary line samples, as legend.css draws them (.line-district, .line-zone, .line-cluster). */
const BOUNDARIES: readonly { label: string; color: string; width: number; dash?: number[] }[] = [
  { label: '区界', color: '#5b4a36', width: 2 },
  { label: '片区', color: '#6e6455', width: 2, dash: [4, 3] },
  { label: '组团', color: '#8f8677', width: 1, dash: [3, 3] },
];

const TITLE_BAND = 64;
const FOOTER_BAND = 30;
const PAD = 12;
const ROW = 22;
const SWATCH = 14;

/** The legend box over the map's bottom-left corner. */
function legendOps(input: PictureInput, measure: Measure, mapTop: number): PictureOp[] {
  const { legend } = input;
  type Line =
    | { kind: 'heading' | 'caption' | 'hint' | 'sub'; text: string }
    | { kind: 'row'; r: LegendModel['rows'][number] }
    | { kind: 'key'; k: OverlayKeyLine }
    | { kind: 'height' }
    | { kind: 'boundaries' };
  const lines: Line[] = [];
  if (legend.heading) lines.push({ kind: 'heading', text: legend.heading });
  if (legend.heightKey) lines.push({ kind: 'height' });
  if (legend.caption) lines.push({ kind: 'caption', text: legend.caption });
  for (const r of legend.rows) lines.push({ kind: 'row', r });
  for (const h of legend.hints) lines.push({ kind: 'hint', text: h });
  if (legend.boundaryLines) lines.push({ kind: 'boundaries' });
  if (input.overlayKeys.length > 0) {
    lines.push({ kind: 'sub', text: '叠加图层' });
    for (const k of input.overlayKeys) lines.push({ kind: 'key', k });
  }
  if (lines.length === 0) return [];

  const rowText = (r: LegendModel['rows'][number]) => [r.letter, r.label, r.note].filter(Boolean).join(' ');
  const widths = lines.map((l) => {
    switch (l.kind) {
      case 'heading':
      case 'sub':
        return measure(l.text, 13, true);
      case 'caption':
      case 'hint':
        return measure(l.text, 12, false);
      case 'height':
        return 40 + Math.max(measure(legend.heightKey!.text, 12.5, false), measure(legend.heightKey!.note, 11, false));
      case 'row':
        return SWATCH + 8 + measure(rowText(l.r), 12.5, false) + (l.r.count ? 16 + measure(l.r.count, 12, false) : 0);
      case 'key':
        return SWATCH + 8 + measure(l.k.label, 12.5, false);
      case 'boundaries':
        return BOUNDARIES.reduce((w, b) => w + 18 + 4 + measure(b.label, 12, false) + 10, 0);
    }
  });
  const innerW = Math.ceil(Math.max(180, ...widths));
  const heightOf = (l: Line) => (l.kind === 'height' ? 40 : l.kind === 'sub' ? ROW + 6 : ROW);
  const innerH = lines.reduce((h, l) => h + heightOf(l), 0);
  const boxW = innerW + 2 * PAD;
  const boxH = innerH + 2 * PAD - 4;
  const x0 = PAD;
  const y0 = mapTop + input.mapHeight - PAD - boxH;
  const ops: PictureOp[] = [{ op: 'rect', x: x0, y: y0, w: boxW, h: boxH, fill: PAPER, stroke: LINE, radius: 6, alpha: 0.95 }];
  let y = y0 + PAD;
  const left = x0 + PAD;
  const right = x0 + PAD + innerW;
  for (const l of lines) {
    const mid = y + heightOf(l) / 2 + (l.kind === 'sub' ? 3 : 0);
    switch (l.kind) {
      case 'heading':
      case 'sub':
        ops.push({ op: 'text', x: left, y: mid, text: l.text, size: 13, bold: true, color: INK, align: 'left' });
        break;
      case 'caption':
        ops.push({ op: 'text', x: left, y: mid, text: l.text, size: 12, color: INK_2, align: 'left' });
        break;
      case 'hint':
        ops.push({ op: 'text', x: left, y: mid, text: l.text, size: 12, color: INK_3, align: 'left' });
        break;
      case 'height': {
        const key = legend.heightKey!;
        key.bars.forEach((bar, i) => {
          const h = bar.heightShare * 30;
          ops.push({ op: 'rect', x: left + i * 10, y: y + 35 - h, w: 8, h, fill: bar.color });
        });
        ops.push({ op: 'text', x: left + 40, y: y + 13, text: key.text, size: 12.5, color: INK, align: 'left' });
        ops.push({ op: 'text', x: left + 40, y: y + 29, text: key.note, size: 11, color: INK_2, align: 'left' });
        break;
      }
      case 'row': {
        const alpha = l.r.dimmed ? 0.4 : undefined;
        ops.push({ op: 'swatch', x: left, y: mid - SWATCH / 2, size: SWATCH, color: l.r.color, glyph: l.r.glyph, ...(alpha ? { alpha } : {}) });
        ops.push({ op: 'text', x: left + SWATCH + 8, y: mid, text: rowText(l.r), size: 12.5, bold: l.r.on, color: INK, align: 'left', ...(alpha ? { alpha } : {}) });
        if (l.r.count) ops.push({ op: 'text', x: right, y: mid, text: l.r.count, size: 12, color: INK_2, align: 'right', ...(alpha ? { alpha } : {}) });
        break;
      }
      case 'key':
        ops.push({ op: 'swatch', x: left, y: mid - SWATCH / 2, size: SWATCH, color: l.k.color, glyph: l.k.glyph });
        ops.push({ op: 'text', x: left + SWATCH + 8, y: mid, text: l.k.label, size: 12.5, color: INK, align: 'left' });
        break;
      case 'boundaries': {
        let x = left;
        for (const b of BOUNDARIES) {
          ops.push({ op: 'line', points: [[x, mid], [x + 18, mid]], color: b.color, width: b.width, ...(b.dash ? { dash: b.dash } : {}) });
          ops.push({ op: 'text', x: x + 22, y: mid, text: b.label, size: 12, color: INK_2, align: 'left' });
          x += 18 + 4 + measure(b.label, 12, false) + 10;
        }
        break;
      }
    }
    y += heightOf(l);
  }
  return ops;
}

/**
 * `text` in lines no wider than `maxWidth`: broken after its ' ｜ ' and ' · ' separators where it
 * can be (a separator ending a line is dropped), else between characters (Chinese has no spaces
 * to wait for).
 */
export function fitLines(text: string, size: number, maxWidth: number, measure: Measure): string[] {
  const bare = (s: string) => s.replace(/( ｜ | · |\s)+$/, '');
  const fits = (s: string) => measure(bare(s), size, false) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (bare(line)) lines.push(bare(line));
    line = '';
  };
  // Whole parts between ' ｜ ' first; a part too long alone by its ' · ' items; an item by characters.
  const place = (pieces: string[], finer: ((piece: string) => void) | null) => {
    for (const piece of pieces) {
      if (fits(line + piece)) line += piece;
      else {
        push();
        if (fits(piece)) line = piece;
        else if (finer) finer(piece);
        else for (const ch of piece) {
          if (!fits(line + ch)) push();
          line += ch;
        }
      }
    }
  };
  place(text.split(/(?<= ｜ )/), (part) => place(part.split(/(?<= · )/), null));
  push();
  return lines;
}

const SUBTITLE_LINE = 18;
const FOOTER_LINE = 17;

export function pictureLayout(input: PictureInput, measure: Measure): PictureLayout {
  const width = input.mapWidth;
  const textWidth = width - 40;
  const subtitle = fitLines(input.subtitle, 13, textWidth, measure);
  const titleBand = TITLE_BAND + SUBTITLE_LINE * (subtitle.length - 1);
  // The footer's two notes side by side, or one above the other on a narrow map.
  const footerSideBySide = measure(input.footerLeft, 11.5, false) + 24 + measure(input.footerRight, 11.5, false) <= textWidth;
  const footerBand = footerSideBySide ? FOOTER_BAND : FOOTER_BAND + FOOTER_LINE;
  const mapTop = titleBand;
  const height = titleBand + input.mapHeight + footerBand;
  const ops: PictureOp[] = [
    { op: 'rect', x: 0, y: 0, w: width, h: height, fill: PAPER },
    { op: 'rect', x: 0, y: 0, w: width, h: titleBand, fill: HEADER },
    { op: 'text', x: 20, y: 24, text: input.title, size: 20, bold: true, color: '#ffffff', align: 'left' },
    ...subtitle.map((line, i): PictureOp => ({ op: 'text', x: 20, y: 48 + i * SUBTITLE_LINE, text: line, size: 13, color: '#c9d3dd', align: 'left' })),
    { op: 'map', x: 0, y: mapTop, w: input.mapWidth, h: input.mapHeight },
    ...legendOps(input, measure, mapTop),
    { op: 'north', x: width - 32, y: mapTop + 36, size: 22, bearingDeg: input.bearingDeg },
  ];
  if (input.scale) {
    const { px, label } = input.scale;
    const x1 = width - PAD - 8;
    const x0 = x1 - px;
    const y = mapTop + input.mapHeight - PAD - 8;
    const labelW = measure(label, 12, false);
    ops.push(
      { op: 'rect', x: x0 - 8 - labelW - 8, y: y - 14, w: px + labelW + 24, h: 22, fill: PAPER, radius: 4, alpha: 0.85 },
      { op: 'line', points: [[x0, y - 6], [x0, y], [x1, y], [x1, y - 6]], color: INK, width: 2 },
      { op: 'text', x: x0 - 8, y: y - 3, text: label, size: 12, color: INK, align: 'right' },
    );
  }
  const footY = mapTop + input.mapHeight;
  const footMid = footY + FOOTER_BAND / 2;
  ops.push(
    { op: 'rect', x: 0, y: footY, w: width, h: footerBand, fill: '#f6f4f0' },
    { op: 'line', points: [[0, footY + 0.5], [width, footY + 0.5]], color: LINE, width: 1 },
    { op: 'text', x: 20, y: footMid, text: input.footerLeft, size: 11.5, color: INK_2, align: 'left' },
    footerSideBySide
      ? { op: 'text', x: width - 20, y: footMid, text: input.footerRight, size: 11.5, color: INK_2, align: 'right' }
      : { op: 'text', x: 20, y: footMid + FOOTER_LINE, text: input.footerRight, size: 11.5, color: INK_2, align: 'left' },
  );
  return { width, height, ops };
}

/** One line per operation, for a readable golden file. */
export function describeLayout(layout: PictureLayout): string {
  const n = (v: number) => String(Math.round(v * 10) / 10);
  const lines = [`picture ${layout.width}×${layout.height}`];
  for (const o of layout.ops) {
    const a = 'alpha' in o && o.alpha !== undefined ? ` alpha ${o.alpha}` : '';
    switch (o.op) {
      case 'rect':
        lines.push(`rect ${n(o.x)},${n(o.y)} ${n(o.w)}×${n(o.h)} ${o.fill}${o.stroke ? ` stroke ${o.stroke}` : ''}${o.radius ? ` r${o.radius}` : ''}${a}`);
        break;
      case 'text':
        lines.push(`text ${n(o.x)},${n(o.y)} ${o.align} ${o.size}px${o.bold ? ' bold' : ''} ${o.color}${a} "${o.text}"`);
        break;
      case 'map':
        lines.push(`map ${n(o.x)},${n(o.y)} ${n(o.w)}×${n(o.h)}`);
        break;
      case 'swatch':
        lines.push(`swatch ${n(o.x)},${n(o.y)} ${o.size} ${o.glyph} ${o.color}${a}`);
        break;
      case 'line':
        lines.push(`line ${o.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')} ${o.color} w${o.width}${o.dash ? ` dash ${o.dash.join(',')}` : ''}`);
        break;
      case 'north':
        lines.push(`north ${n(o.x)},${n(o.y)} ${o.size} bearing ${n(o.bearingDeg)}`);
        break;
    }
  }
  return lines.join('\n') + '\n';
}
