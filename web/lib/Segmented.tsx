/**
 * A segmented switch: one choice of a few, as radio buttons (the legend's colour mode, 规上/规下,
 * the candidate kind and order, the compare direction, the region level). One component, so each
 * switch is announced and keyed the same way.
 */
import type { ReactNode } from 'react';

export interface SegmentOption<T> {
  value: T;
  label: ReactNode;
  title?: string;
}

export interface SegmentedProps<T> {
  /** The group's accessible name, e.g. 规模. */
  label: string;
  options: readonly SegmentOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** The group's class; `seg-group` (a bordered strip, app.css) unless given. */
  className?: string;
  /** A visible caption before the buttons, inside the group, with its class. */
  caption?: { text: string; className: string };
}

export function Segmented<T>({ label, options, value, onChange, className = 'seg-group', caption }: SegmentedProps<T>) {
  return (
    <div className={className} role="radiogroup" aria-label={label}>
      {caption ? <span className={caption.className}>{caption.text}</span> : null}
      {options.map((o) => (
        <button
          key={String(o.value)}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          title={o.title}
          className={value === o.value ? 'seg active' : 'seg'}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
