/**
 * Which parcels change grade between two evaluation runs: the server's parcel changes (exact: the
 * `evaluation_parcel` table of both runs) joined with the unit diff for who and why; two requests.
 */
import { getParcelGradeChanges, getRunDiff } from '../api/client.ts';
import type { RunDiff } from '../api/evaluation-types.ts';
import { joinParcelChanges, type ParcelChange } from '../lib/parcel-changes.ts';

export interface RunParcelChanges {
  diff: RunDiff;
  parcels: ParcelChange[];
}

const cache = new Map<string, Promise<RunParcelChanges>>();

async function load(fromRunId: number, toRunId: number): Promise<RunParcelChanges> {
  const [diff, exact] = await Promise.all([getRunDiff(fromRunId, toRunId), getParcelGradeChanges(fromRunId, toRunId)]);
  return { diff, parcels: joinParcelChanges(exact.parcels, diff.changed) };
}

/** The parcel changes from one run to another, cached for the session (runs never change); a failed load is forgotten. */
export function getRunParcelChanges(fromRunId: number, toRunId: number): Promise<RunParcelChanges> {
  const key = `${fromRunId}→${toRunId}`;
  let promise = cache.get(key);
  if (!promise) {
    promise = load(fromRunId, toRunId);
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return promise;
}
