/**
 * Where an overlay's data stands for the view it is wanted for (use-land-data.ts): read from the
 * last fetch that settled, with the key of the view it was for and its data or why it failed. A
 * failure stays until a retry or until the overlay is switched off, so a switch never says
 * 加载中 for a fetch that is no longer under way.
 */
import { ApiError } from '../api/client.ts';

/** The last fetch that settled: its key, and its data or, in words, why it failed. */
export type Settled<T> = { key: string; data: T } | { key: string; error: string };

export interface OverlayFetch<T> {
  /** The data for `key`; null while loading, after a failure, or before it was ever wanted. */
  data: T | null;
  /** Wanted and under way. */
  loading: boolean;
  /** Why the fetch for `key` failed, in words for the planner; null otherwise. */
  error: string | null;
}

export function overlayFetch<T>(wanted: boolean, key: string, settled: Settled<T> | null): OverlayFetch<T> {
  if (settled?.key !== key) return { data: null, loading: wanted, error: null };
  if ('data' in settled) return { data: settled.data, loading: false, error: null };
  return { data: null, loading: false, error: wanted ? settled.error : null };
}

/** `settled` without a failure: what a retry, or switching the overlay off, starts from. */
export function withoutFailure<T>(settled: Settled<T> | null): Settled<T> | null {
  return settled && 'error' in settled ? null : settled;
}

/** Why a fetch failed, in Chinese: the server's status and message, or a lost connection. */
export function failureText(err: unknown): string {
  if (err instanceof ApiError) {
    // Without a JSON body the message is only the status line again.
    return err.message.startsWith(String(err.status)) ? `服务器返回 ${err.status}` : `服务器返回 ${err.status}：${err.message}`;
  }
  // fetch() rejects with a TypeError when the request never got an answer.
  if (err instanceof TypeError) return '无法连接服务器';
  return err instanceof Error ? err.message : String(err);
}
