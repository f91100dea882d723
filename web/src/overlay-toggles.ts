/** The legend's overlay switches and keys, from the map's land-status and candidate tables. */
import type { OverlayToggle } from '../features/legend/Legend.tsx';
import { EXIT_PATH_CLASSES, FOOTPRINT_COLOR, type Overlay } from '../map/land-layers.ts';
import { STATUS_CLASSES } from '../map/land-status.ts';

/** Where the data an overlay draws stands: being fetched, or why its fetch failed. */
export interface OverlayLoad {
  loading: boolean;
  error: string | null;
}

/** Loading and failure as the switch shows them: only while on; a failure is not loading. */
function loadState(label: string, on: boolean, load: OverlayLoad): Pick<OverlayToggle, 'loading' | 'failed'> {
  if (!on) return { loading: false, failed: null };
  if (load.error !== null) return { loading: false, failed: `${label}加载失败：${load.error}` };
  return { loading: load.loading, failed: null };
}

export function overlayToggles(
  on: readonly Overlay[],
  statusAvailable: boolean,
  exit: OverlayLoad & { truncated: boolean },
  footprints: OverlayLoad,
): OverlayToggle[] {
  return [
    {
      id: 'status',
      label: '土地状态',
      on: on.includes('status') && statusAvailable,
      unavailable: statusAvailable ? null : '宗地瓦片尚未带土地状态（flags 属性），暂不能在地图上显示；点选宗地可查看其状态',
      loading: false,
      failed: null,
      keys: STATUS_CLASSES.map((c) => ({ id: `status-${c.id}`, label: c.label, color: c.color, glyph: c.glyph })),
    },
    {
      id: 'exit',
      label: '退出候选',
      on: on.includes('exit'),
      unavailable: null,
      ...loadState('退出候选', on.includes('exit'), exit),
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
      ...loadState('连片开发', on.includes('consolidation'), footprints),
      keys: [{ id: 'footprint', label: '归宗后范围', color: FOOTPRINT_COLOR, glyph: 'dashed' }],
    },
  ];
}
