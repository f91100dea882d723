import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { failureText, overlayFetch, withoutFailure, type Settled } from './overlay-fetch.ts';

const loaded: Settled<string> = Object.freeze({ key: 'k', data: 'footprints' });
const failed: Settled<string> = Object.freeze({ key: 'k', error: '服务器返回 500' });

describe('an overlay fetch', () => {
  it('is loading while wanted and nothing settled for this view', () => {
    expect(overlayFetch(true, 'k', null)).toEqual({ data: null, loading: true, error: null });
    expect(overlayFetch(false, 'k', null)).toEqual({ data: null, loading: false, error: null });
  });

  it('is loading again when the view changed after a load or a failure', () => {
    expect(overlayFetch(true, 'other', loaded)).toEqual({ data: null, loading: true, error: null });
    expect(overlayFetch(true, 'other', failed)).toEqual({ data: null, loading: true, error: null });
  });

  it('holds the data for its view', () => {
    expect(overlayFetch(true, 'k', loaded)).toEqual({ data: 'footprints', loading: false, error: null });
  });

  it('fails, not loads, when the fetch for its view failed', () => {
    expect(overlayFetch(true, 'k', failed)).toEqual({ data: null, loading: false, error: '服务器返回 500' });
    expect(overlayFetch(false, 'k', failed)).toEqual({ data: null, loading: false, error: null });
  });

  it('loads again on a retry after a failure, and keeps data it has', () => {
    expect(overlayFetch(true, 'k', withoutFailure(failed))).toEqual({ data: null, loading: true, error: null });
    expect(withoutFailure(loaded)).toBe(loaded);
    expect(withoutFailure(null)).toBeNull();
  });
});

describe('why a fetch failed', () => {
  it('gives the server’s status, and its message when it sent one', () => {
    expect(failureText(new ApiError(500, '500 Internal Server Error'))).toBe('服务器返回 500');
    expect(failureText(new ApiError(503, '数据库未就绪'))).toBe('服务器返回 503：数据库未就绪');
  });

  it('says the server could not be reached when fetch itself failed', () => {
    expect(failureText(new TypeError('Failed to fetch'))).toBe('无法连接服务器');
  });
});
