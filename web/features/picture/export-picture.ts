/**
 * 导出图片: the map as it is drawn now, with its legend, north arrow, scale bar, title and source,
 * saved as a PNG at the screen's resolution. Waits for the map to settle first, so the picture
 * never catches tiles half loaded.
 */
import type maplibregl from 'maplibre-gl';
import type { LegendModel } from '../legend/legend-model.ts';
import { canvasMeasure, drawPicture, savePng } from './draw-picture.ts';
import { metresPerPixel, pictureLayout, scaleBar, type OverlayKeyLine } from './picture-layout.ts';
import type { PictureText } from './picture-text.ts';

/** Room for the scale bar, in CSS pixels (as the map's own scale control). */
const SCALE_MAX_PX = 120;

export async function exportMapPicture(map: maplibregl.Map, legend: LegendModel, overlayKeys: readonly OverlayKeyLine[], text: PictureText): Promise<void> {
  if (!map.loaded() || map.isMoving()) await map.once('idle');
  const canvas = map.getCanvas();
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const center = map.getCenter();
  const layout = pictureLayout(
    {
      mapWidth: width,
      mapHeight: height,
      title: text.title,
      subtitle: text.subtitle,
      legend,
      overlayKeys,
      scale: map.getPitch() > 1 ? null : scaleBar(metresPerPixel(center.lat, map.getZoom()), SCALE_MAX_PX),
      bearingDeg: map.getBearing(),
      footerLeft: text.footerLeft,
      footerRight: text.footerRight,
    },
    canvasMeasure(),
  );
  await savePng(drawPicture(layout, canvas, canvas.width / width), text.fileName);
}
