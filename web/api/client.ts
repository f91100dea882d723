/**
 * Typed fetch functions for the Mujun API. This is the only module that knows the URLs.
 * Every function rejects with an `ApiError` on a non-2xx answer, carrying the server's message.
 */
import type {
  BBox,
  Crs,
  EnterpriseDetail,
  Meta,
  ParcelCollection,
  ParcelDetail,
  RegionCollection,
  RoadCollection,
  SearchResponse,
  TileJson,
} from './types.ts';
import type { CandidateQuery, ConsolidationPage, ExitPage, FootprintProperties, LandRulesSummary, ParcelStatusResponse } from './land-types.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type {
  AggregateLevel,
  EnterpriseEvaluations,
  EvaluationRuns,
  ExportFormat,
  RegionAggregates,
  ResultsQuery,
  ParcelGradeChanges,
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

/**
 * `path` asking for geometry in `crs`: GCJ-02 adds `crs=gcj02` (the server shifts every vertex, or
 * serves shifted tiles); WGS 84 is the server's default and leaves the path as it is.
 */
export function withCrs(path: string, crs: Crs): string {
  if (crs === 'wgs84') return path;
  return `${path}${path.includes('?') ? '&' : '?'}crs=${crs}`;
}

export function regionsUrl(crs: Crs): string {
  return withCrs('/api/regions', crs);
}

export function roadsUrl(crs: Crs): string {
  return withCrs('/api/roads', crs);
}

/** The TileJSON of a vector tile set; its tile URLs carry the same `crs`. */
export function tileJsonUrl(set: 'parcels' | 'regions', crs: Crs): string {
  return withCrs(`/tiles/${set}.json`, crs);
}

/** `bbox` is WGS 84 whatever `crs` the geometry comes back in. */
export function parcelsUrl(bbox: BBox, crs: Crs): string {
  return withCrs(`/api/parcels?bbox=${bbox.join(',')}`, crs);
}

/** Region outlines, with geometry in `crs`. */
export function getRegions(crs: Crs, signal?: AbortSignal): Promise<RegionCollection> {
  return getJson(regionsUrl(crs), signal);
}

/** Roads, with geometry in `crs`. */
export function getRoads(crs: Crs, signal?: AbortSignal): Promise<RoadCollection> {
  return getJson(roadsUrl(crs), signal);
}

/** The TileJSON of a vector tile set: parcels (with low-zoom cells) or regions, drawn in `crs`. */
export function getTileJson(set: 'parcels' | 'regions', crs: Crs, signal?: AbortSignal): Promise<TileJson> {
  return getJson(tileJsonUrl(set, crs), signal);
}

/**
 * Parcels intersecting `bbox` ([w, s, e, n], WGS 84 degrees), as GeoJSON with their full summary
 * and geometry in `crs`. The server refuses a box with more than 20,000 parcels (an `ApiError`
 * with status 400): the map draws from vector tiles and asks for GeoJSON only for the viewport
 * (3D, names).
 */
export function getParcels(bbox: BBox, crs: Crs, signal?: AbortSignal): Promise<ParcelCollection> {
  return getJson(parcelsUrl(bbox, crs), signal);
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
  if (query.taxPerMuMinWan != null) params.set('taxPerMuMin', String(query.taxPerMuMinWan));
  if (query.taxPerMuMaxWan != null) params.set('taxPerMuMax', String(query.taxPerMuMaxWan));
  if (query.flags && query.flags.length > 0) params.set('status', [...query.flags].sort().join(','));
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

/** Every parcel whose grade on the map differs between two runs, with the direction. */
export function getParcelGradeChanges(fromRunId: number, toRunId: number, signal?: AbortSignal): Promise<ParcelGradeChanges> {
  return getJson(`/api/evaluations/parcel-changes?from=${fromRunId}&to=${toRunId}`, signal);
}

/** A run's aggregates per region of one level (片区/组团/镇街), with coverage, targets and rank. */
export function getRegionAggregates(runId: number, level: AggregateLevel, signal?: AbortSignal): Promise<RegionAggregates> {
  return getJson(`/api/evaluations/${runId}/aggregates?by=region&level=${level}`, signal);
}

/** An enterprise's grade in every run (its own result, or its merged parcel's), oldest first. */
export function getEnterpriseEvaluations(uscc: string, signal?: AbortSignal): Promise<EnterpriseEvaluations> {
  return getJson(`/api/enterprises/${encodeURIComponent(uscc)}/evaluations`, signal);
}

/** The land-status rules and the last refresh; a server without land status answers 404. */
export function getLandRules(signal?: AbortSignal): Promise<LandRulesSummary> {
  return getJson('/api/land-rules', signal);
}

/** A parcel's land status by year, its exit path and consolidation cluster. */
export function getParcelStatus(code: string, signal?: AbortSignal): Promise<ParcelStatusResponse> {
  return getJson(`/api/parcels/${encodeURIComponent(code)}/status`, signal);
}

/** The query string of a candidate list; empty filters are left out. */
export function candidateSearchParams(kind: 'exit' | 'consolidation', q: Partial<CandidateQuery>): URLSearchParams {
  const params = new URLSearchParams({ kind });
  if (q.region) params.set('region', q.region);
  if (q.minMu !== null && q.minMu !== undefined) params.set('minMu', String(q.minMu));
  if (q.maxMu !== null && q.maxMu !== undefined) params.set('maxMu', String(q.maxMu));
  if (kind === 'exit' && q.paths?.length) params.set('path', q.paths.join(','));
  if (kind === 'exit' && q.keptOff) params.set('keptOff', 'true');
  if (kind === 'consolidation' && q.sort && q.sort !== 'area') params.set('sort', q.sort);
  if (q.page !== undefined) params.set('page', String(q.page));
  if (q.pageSize !== undefined) params.set('pageSize', String(q.pageSize));
  return params;
}

/** One page of exit candidates (土地退出候选) of the latest land-status refresh. */
export function getExitCandidates(query: CandidateQuery, signal?: AbortSignal): Promise<ExitPage> {
  return getJson(`/api/candidates?${candidateSearchParams('exit', query).toString()}`, signal);
}

/** One page of consolidation clusters (连片开发候选). */
export function getConsolidationCandidates(query: CandidateQuery, signal?: AbortSignal): Promise<ConsolidationPage> {
  return getJson(`/api/candidates?${candidateSearchParams('consolidation', query).toString()}`, signal);
}

/** Where the consolidation footprints (merged sites) are, filtered like the list, geometry in `crs`. */
export function footprintsUrl(query: Pick<CandidateQuery, 'region' | 'minMu' | 'maxMu'>, crs: Crs): string {
  const params = candidateSearchParams('consolidation', query);
  params.delete('kind');
  const qs = params.toString();
  return withCrs(`/api/candidates/consolidation.geojson${qs ? `?${qs}` : ''}`, crs);
}

/** The consolidation footprints (merged sites) as GeoJSON, filtered like the list, geometry in `crs`. */
export function getConsolidationFootprints(
  query: Pick<CandidateQuery, 'region' | 'minMu' | 'maxMu'>,
  crs: Crs,
  signal?: AbortSignal,
): Promise<FeatureCollection<Polygon | MultiPolygon, FootprintProperties>> {
  return getJson(footprintsUrl(query, crs), signal);
}

/** Where the browser downloads a candidate list (CSV with BOM, or XLSX). */
export function candidateExportUrl(kind: 'exit' | 'consolidation', format: ExportFormat, query: Partial<CandidateQuery> = {}): string {
  const params = candidateSearchParams(kind, { region: query.region, minMu: query.minMu, maxMu: query.maxMu, paths: query.paths, sort: query.sort });
  params.set('format', format);
  return `/api/candidates/export?${params.toString()}`;
}
