/**
 * Paints a picture layout (picture-layout.ts) onto a canvas at the map canvas's own resolution,
 * so the map inside it is copied pixel for pixel, and saves it as a PNG.
 */
import { PICTURE_FONT, type Measure, type PictureLayout, type PictureOp } from './picture-layout.ts';

const fontOf = (size: number, bold: boolean | undefined) => `${bold ? '700 ' : ''}${size}px ${PICTURE_FONT}`;

/** Text widths as the picture's canvas will draw them. */
export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d')!;
  return (text, size, bold) => {
    ctx.font = fontOf(size, bold);
    return ctx.measureText(text).width;
  };
}

function swatch(ctx: CanvasRenderingContext2D, o: Extract<PictureOp, { op: 'swatch' }>) {
  const { x, y, size, color } = o;
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  switch (o.glyph) {
    case 'fill':
      ctx.fillRect(x, y, size, size);
      break;
    case 'outline':
      ctx.lineWidth = 2.5;
      ctx.strokeRect(x + 1.25, y + 1.25, size - 2.5, size - 2.5);
      break;
    case 'dashed':
      ctx.lineWidth = 2;
      ctx.setLineDash([3, 2]);
      ctx.strokeRect(x + 1, y + 1, size - 2, size - 2);
      ctx.setLineDash([]);
      break;
    case 'hatch':
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, size, size);
      ctx.clip();
      ctx.lineWidth = 1.5;
      for (let d = -size; d < size; d += 4) {
        ctx.beginPath();
        ctx.moveTo(x + d, y + size);
        ctx.lineTo(x + d + size, y);
        ctx.stroke();
      }
      ctx.restore();
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
      break;
    case 'dot':
      ctx.beginPath();
      ctx.arc(x + size / 2, y + size / 2, size / 3, 0, 2 * Math.PI);
      ctx.fill();
      break;
  }
}

function north(ctx: CanvasRenderingContext2D, o: Extract<PictureOp, { op: 'north' }>) {
  ctx.save();
  ctx.translate(o.x, o.y);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(0, 0, o.size, 0, 2 * Math.PI);
  ctx.fill();
  ctx.rotate((-o.bearingDeg * Math.PI) / 180);
  const s = o.size * 0.75;
  // 北 above an arrow pointing north, turned with the map.
  ctx.font = fontOf(11, true);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#222a33';
  ctx.fillText('北', 0, -s * 0.62);
  ctx.beginPath();
  ctx.moveTo(0, -s * 0.2);
  ctx.lineTo(s * 0.42, s * 0.85);
  ctx.lineTo(0, s * 0.55);
  ctx.lineTo(-s * 0.42, s * 0.85);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

/** Paints `layout` with the map canvas's pixels; `pixelRatio` = device pixels per CSS pixel. */
export function drawPicture(layout: PictureLayout, mapCanvas: HTMLCanvasElement, pixelRatio: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * pixelRatio);
  canvas.height = Math.round(layout.height * pixelRatio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(pixelRatio, pixelRatio);
  for (const o of layout.ops) {
    ctx.globalAlpha = 'alpha' in o && o.alpha !== undefined ? o.alpha : 1;
    switch (o.op) {
      case 'rect':
        ctx.fillStyle = o.fill;
        ctx.beginPath();
        ctx.roundRect(o.x, o.y, o.w, o.h, o.radius ?? 0);
        ctx.fill();
        if (o.stroke) {
          ctx.globalAlpha = 1;
          ctx.strokeStyle = o.stroke;
          ctx.lineWidth = 1;
          ctx.stroke();
        }
        break;
      case 'text':
        ctx.font = fontOf(o.size, o.bold);
        ctx.fillStyle = o.color;
        ctx.textAlign = o.align;
        ctx.textBaseline = 'middle';
        ctx.fillText(o.text, o.x, o.y);
        break;
      case 'map':
        ctx.drawImage(mapCanvas, o.x, o.y, o.w, o.h);
        break;
      case 'swatch':
        swatch(ctx, o);
        break;
      case 'line':
        ctx.strokeStyle = o.color;
        ctx.lineWidth = o.width;
        ctx.setLineDash(o.dash ?? []);
        ctx.beginPath();
        o.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
        ctx.stroke();
        ctx.setLineDash([]);
        break;
      case 'north':
        north(ctx, o);
        break;
    }
  }
  return canvas;
}

/** Saves a canvas as a PNG download named `fileName`. */
export async function savePng(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('浏览器未能生成图片');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
