/** A text input that reports after the user pauses typing, and follows outside changes (e.g. 清除). */
import { useEffect, useRef, useState } from 'react';

export const TYPING_DEBOUNCE_MS = 300;

export function useDebouncedText(value: string | null, onCommit: (text: string | null) => void): [string, (t: string) => void] {
  const [text, setText] = useState(value ?? '');
  const commit = useRef(onCommit);
  commit.current = onCommit;
  const lastSent = useRef(value ?? '');
  useEffect(() => {
    if ((value ?? '') !== lastSent.current) {
      lastSent.current = value ?? '';
      setText(value ?? '');
    }
  }, [value]);
  useEffect(() => {
    if (text === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = text;
      commit.current(text.trim() === '' ? null : text);
    }, TYPING_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return [text, setText];
}
