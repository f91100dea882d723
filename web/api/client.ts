/**
 * Typed fetch functions for the Mujun API. This is the only module that knows the URLs.
 * Every function rejects with an `ApiError` on a non-2xx answer, carrying the server's message.
 */
import type {
  BBox,
  EnterpriseDetail,
  Meta,
  ParcelCollection,
  ParcelDetail,
  RegionCollection,
  RoadCollection,
  SearchResponse,
} from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body: unknown = await response.json();
      if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
        message = body.error;
      }
    } catch {
      // The body was not JSON (e.g. a proxy error page); the status line is the best we have.
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

export function getMeta(signal?: AbortSignal): Promise<Meta> {
  return getJson('/api/meta', signal);
}

export function getRegions(signal?: AbortSignal): Promise<RegionCollection> {
  return getJson('/api/regions', signal);
}

export function getRoads(signal?: AbortSignal): Promise<RoadCollection> {
  return getJson('/api/roads', signal);
}

/** Parcels intersecting `bbox` ([w, s, e, n], degrees). */
export function getParcels(bbox: BBox, signal?: AbortSignal): Promise<ParcelCollection> {
  return getJson(`/api/parcels?bbox=${bbox.join(',')}`, signal);
}

/** One parcel by its 不动产单元代码, with the enterprises on it (一码关联). */
export function getParcel(code: string, signal?: AbortSignal): Promise<ParcelDetail> {
  return getJson(`/api/parcels/${encodeURIComponent(code)}`, signal);
}

/** One enterprise by its 统一社会信用代码, with the parcels it uses. */
export function getEnterprise(uscc: string, signal?: AbortSignal): Promise<EnterpriseDetail> {
  return getJson(`/api/enterprises/${encodeURIComponent(uscc)}`, signal);
}

/** Search enterprise names, credit codes and parcel codes. */
export function search(q: string, signal?: AbortSignal): Promise<SearchResponse> {
  return getJson(`/api/search?q=${encodeURIComponent(q)}`, signal);
}
