/**
 * 导出图片 for the app: holds the map once it is ready, says while a picture is being made, and
 * loads the picture code on first use (its own chunk: most sessions never export). What goes in
 * the picture is the app's to say, at the moment of the click.
 */
import type maplibregl from 'maplibre-gl';
import { useCallback, useRef, useState } from 'react';
import type { LegendModel } from '../legend/legend-model.ts';
import type { OverlayKeyLine } from './picture-layout.ts';
import type { PictureText } from './picture-text.ts';

export interface PictureParts {
  legend: LegendModel;
  overlayKeys: readonly OverlayKeyLine[];
  text: PictureText;
}

export function usePictureExport(onError: (message: string) => void) {
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [exporting, setExporting] = useState(false);
  const onMapReady = useCallback((map: maplibregl.Map | null) => {
    mapRef.current = map;
  }, []);
  const exportPicture = async (parts: () => PictureParts) => {
    const map = mapRef.current;
    if (!map || exporting) return;
    setExporting(true);
    try {
      const { legend, overlayKeys, text } = parts();
      const { exportMapPicture } = await import('./export-picture.ts');
      await exportMapPicture(map, legend, overlayKeys, text);
    } catch (err) {
      onError(`导出图片失败：${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setExporting(false);
    }
  };
  return { exporting, onMapReady, exportPicture };
}
