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
import type {
  EnterpriseEvaluations,
  EvaluationRuns,
  ExportFormat,
  ResultsQuery,
  RunDiff,
  RunResultsPage,
} from './evaluation-types.ts';

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

/** Evaluation runs, newest first. */
export function getEvaluationRuns(signal?: AbortSignal): Promise<EvaluationRuns> {
  return getJson('/api/evaluations', signal);
}

/** The query string of a result-list request; empty filters are left out. */
export function resultsSearchParams(query: ResultsQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.grades.length > 0) params.set('grade', query.grades.join(','));
  if (query.group) params.set('group', query.group);
  if (query.region) params.set('region', query.region);
  const industry = query.industry?.trim();
  if (industry) params.set('industry', industry);
  const q = query.q?.trim();
  if (q) params.set('q', q);
  params.set('page', String(query.page));
  params.set('pageSize', String(query.pageSize));
  return params;
}

/** One page of a run's results, filtered. */
export function getRunResults(runId: number, query: ResultsQuery, signal?: AbortSignal): Promise<RunResultsPage> {
  return getJson(`/api/evaluations/${runId}/results?${resultsSearchParams(query).toString()}`, signal);
}

/** Where the browser downloads a run's full result table (CSV with BOM for Excel, or XLSX). */
export function runExportUrl(runId: number, format: ExportFormat): string {
  return `/api/evaluations/${runId}/export?format=${format}`;
}

/** Who changed grade between two runs, and why. */
export function getRunDiff(fromRunId: number, toRunId: number, signal?: AbortSignal): Promise<RunDiff> {
  return getJson(`/api/evaluations/diff?from=${fromRunId}&to=${toRunId}`, signal);
}

/** An enterprise's grade in every run (its own result, or its merged parcel's), oldest first. */
export function getEnterpriseEvaluations(uscc: string, signal?: AbortSignal): Promise<EnterpriseEvaluations> {
  return getJson(`/api/enterprises/${encodeURIComponent(uscc)}/evaluations`, signal);
}
