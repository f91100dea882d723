/** Search by enterprise name, 统一社会信用代码 or 不动产单元代码; picking a result hands it to the app. */
import { useEffect, useId, useRef, useState } from 'react';
import { search } from '../../api/client.ts';
import type { SearchResult } from '../../api/types.ts';

const DEBOUNCE_MS = 250;

export function SearchBox({ onPick }: { onPick: (result: SearchResult) => void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setResults([]);
      setStatus('idle');
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setStatus('loading');
      search(q, controller.signal).then(
        (r) => {
          setResults(r.results);
          setActive(0);
          setStatus('idle');
        },
        () => {
          if (!controller.signal.aborted) setStatus('error');
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  useEffect(() => {
    const close = (ev: MouseEvent) => {
      if (boxRef.current && !boxRef.current.contains(ev.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  function pick(r: SearchResult) {
    setOpen(false);
    setQuery(r.name);
    onPick(r);
  }

  function onKeyDown(ev: React.KeyboardEvent<HTMLInputElement>) {
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (ev.key === 'Enter') {
      const r = results[active];
      if (r) pick(r);
    } else if (ev.key === 'Escape') {
      setOpen(false);
    }
  }

  const showList = open && query.trim().length >= 2;

  return (
    <div className="search" ref={boxRef}>
      <input
        type="search"
        value={query}
        placeholder="搜索企业名称、统一社会信用代码、不动产单元代码"
        aria-label="搜索"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        onChange={(ev) => {
          setQuery(ev.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {showList ? (
        <ul className="search-results" id={listId} role="listbox">
          {status === 'loading' && results.length === 0 ? <li className="muted">搜索中…</li> : null}
          {status === 'error' ? <li className="error">搜索失败，请稍后重试</li> : null}
          {status === 'idle' && results.length === 0 ? <li className="muted">无匹配结果</li> : null}
          {results.map((r, i) => (
            <li
              key={`${r.kind}-${r.code}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(ev) => {
                ev.preventDefault();
                pick(r);
              }}
            >
              <span className={r.kind === 'enterprise' ? 'kind kind-enterprise' : 'kind kind-parcel'}>
                {r.kind === 'enterprise' ? '企业' : '宗地'}
              </span>
              <span className="result-text">
                <span className="result-name">{r.name}</span>
                <small className="mono">{r.code}</small>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
