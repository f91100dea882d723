/**
 * Which parcels change grade between two evaluation runs: the server's unit diff, placed on parcels
 * (lib/parcel-changes.ts) with one enterprise lookup per changed enterprise, a few at a time.
 *
 * A server endpoint giving each run's parcel grades (the `evaluation_parcel` table) would replace
 * the lookups with one request and make the placement exact; this is the one function to change.
 */
import { getEnterprise, getRunDiff } from '../api/client.ts';
import type { RunDiff } from '../api/evaluation-types.ts';
import { enterpriseParcelCodes, enterpriseUnits, parcelChanges, type ParcelChange } from '../lib/parcel-changes.ts';

export interface RunParcelChanges {
  diff: RunDiff;
  parcels: ParcelChange[];
  /** Enterprise units that could not be looked up (left off the map). */
  unplaced: number;
}

const CONCURRENCY = 6;

type Progress = (done: number, total: number) => void;
interface Entry {
  promise: Promise<RunParcelChanges>;
  listeners: Set<Progress>;
  last: [number, number];
}
const cache = new Map<string, Entry>();

async function load(fromRunId: number, toRunId: number, onProgress: Progress) {
  const diff = await getRunDiff(fromRunId, toRunId);
  const units = enterpriseUnits(diff.changed);
  const parcelsOf = new Map<string, string[]>();
  let next = 0;
  let done = 0;
  onProgress(0, units.length);
  const worker = async () => {
    while (next < units.length) {
      const uscc = units[next++]!;
      try {
        parcelsOf.set(uscc, enterpriseParcelCodes((await getEnterprise(uscc)).parcels));
      } catch {
        // Counted as unplaced: one enterprise that cannot be read should not sink the compare.
      }
      onProgress(++done, units.length);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { diff, parcels: parcelChanges(diff.changed, parcelsOf), unplaced: units.length - parcelsOf.size };
}

/**
 * The parcel changes from one run to another, cached for the session (runs never change); every
 * caller hears the progress of the one load. A failed load is forgotten, so the next call retries.
 */
export function getRunParcelChanges(fromRunId: number, toRunId: number, onProgress: Progress = () => {}): Promise<RunParcelChanges> {
  const key = `${fromRunId}→${toRunId}`;
  let entry = cache.get(key);
  if (!entry) {
    const listeners = new Set<Progress>();
    const created: Entry = { listeners, last: [0, 0], promise: Promise.resolve(null as never) };
    created.promise = load(fromRunId, toRunId, (done, total) => {
      created.last = [done, total];
      for (const l of listeners) l(done, total);
    });
    created.promise.catch(() => cache.delete(key));
    cache.set(key, created);
    entry = created;
  }
  entry.listeners.add(onProgress);
  onProgress(...entry.last);
  const e = entry;
  return e.promise.finally(() => e.listeners.delete(onProgress));
}
