/** The legend's overlay switches and keys, from the map's land-status and candidate tables. */
import type { OverlayToggle } from '../features/legend/Legend.tsx';
import { EXIT_PATH_CLASSES, FOOTPRINT_COLOR, type Overlay } from '../map/land-layers.ts';
import { STATUS_CLASSES } from '../map/land-status.ts';

export function overlayToggles(
  on: readonly Overlay[],
  statusAvailable: boolean,
  exit: { truncated: boolean; loading: boolean },
  footprintsLoading: boolean,
): OverlayToggle[] {
  return [
    {
      id: 'status',
      label: '土地状态',
      on: on.includes('status') && statusAvailable,
      unavailable: statusAvailable ? null : '宗地瓦片尚未带土地状态（flags 属性），暂不能在地图上显示；点选宗地可查看其状态',
      loading: false,
      keys: STATUS_CLASSES.map((c) => ({ id: `status-${c.id}`, label: c.label, color: c.color, glyph: c.glyph })),
    },
    {
      id: 'exit',
      label: '退出候选',
      on: on.includes('exit'),
      unavailable: null,
      loading: on.includes('exit') && exit.loading,
      keys: [
        ...EXIT_PATH_CLASSES.map((c) => ({ id: `exit-${c.path}`, label: c.path, color: c.color, glyph: 'outline' as const })),
        ...(exit.truncated ? [{ id: 'exit-more', label: '（仅显示前 20000 宗）', color: '#999999', glyph: 'outline' as const }] : []),
      ],
    },
    {
      id: 'consolidation',
      label: '连片开发',
      on: on.includes('consolidation'),
      unavailable: null,
      loading: on.includes('consolidation') && footprintsLoading,
      keys: [{ id: 'footprint', label: '归宗后范围', color: FOOTPRINT_COLOR, glyph: 'dashed' }],
    },
  ];
}
