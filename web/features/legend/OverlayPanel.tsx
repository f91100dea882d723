/**
 * The overlay switches (叠加图层) at the top right of the map: land status, exit candidates and
 * consolidation footprints, each with its key once on. Beside the colour legend rather than in it,
 * so the legend stays short at 1366×768. A switch whose data could not be fetched says so and
 * offers a retry; it stays on (and can be switched off) meanwhile.
 */
import type { OverlayKey, OverlayToggle } from './Legend.tsx';
import './legend.css';

function Swatch({ color, glyph }: { color: string; glyph: OverlayKey['glyph'] }) {
  return <span className={`swatch swatch-${glyph}`} style={glyph === 'fill' ? { background: color } : { borderColor: color, color }} aria-hidden />;
}

export interface OverlayPanelProps {
  overlays: readonly OverlayToggle[];
  onToggle: (id: string) => void;
  /** Fetch again what an overlay draws, after a failure. */
  onRetry: (id: string) => void;
}

export function OverlayPanel({ overlays, onToggle, onRetry }: OverlayPanelProps) {
  return (
    <section className="overlay-panel" aria-label="叠加图层">
      <div className="overlay-title">叠加图层</div>
      {overlays.map((o) => (
        <div key={o.id} className="overlay-item">
          <button
            type="button"
            className={o.on ? 'overlay-toggle on' : 'overlay-toggle'}
            aria-pressed={o.on}
            aria-busy={o.loading}
            disabled={o.unavailable !== null}
            title={o.unavailable ?? (o.on ? `隐藏${o.label}` : `显示${o.label}`)}
            onClick={() => onToggle(o.id)}
          >
            <span className="check" aria-hidden>
              {o.on ? '✓' : ''}
            </span>
            {o.label}
            {o.loading ? <span className="overlay-loading">加载中…</span> : null}
            {o.failed ? <span className="overlay-failed">加载失败</span> : null}
          </button>
          {o.failed ? (
            <div className="overlay-error" role="alert">
              <span className="overlay-error-text">{o.failed}</span>
              <button type="button" className="overlay-retry" onClick={() => onRetry(o.id)}>
                点击重试
              </button>
            </div>
          ) : null}
          {o.on && !o.failed && o.keys.length > 0 ? (
            <ul className="overlay-keys">
              {o.keys.map((k) => (
                <li key={k.id} className="legend-row">
                  <Swatch color={k.color} glyph={k.glyph} />
                  <span className="legend-label">{k.label}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}
