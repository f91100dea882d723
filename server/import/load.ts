/**
 * Loads a delivery folder into the ledger, all or nothing: read and validate every file, resolve
 * references against what is stored, check geometry in PostGIS, then write everything in one
 * transaction. Any error refuses the whole delivery and leaves the database as it was.
 */
import type { Database } from '../db/database.ts';
import { checkParcelGeometry, FIND_BATCH_BY_HASH, knownCodes, NotStoredError, recordBatch, storeDelivery } from '../db/queries/store-delivery.ts';
import { ImportError, IssueLog, type ImportIssue } from './issues.ts';
import { readDelivery } from './read-delivery.ts';
import { resolveReferences } from './references.ts';

export interface ImportReport {
  batchId: number;
  /** True when this exact delivery had been imported before and nothing was done. */
  alreadyImported: boolean;
  counts: Record<string, number>;
  warnings: ImportIssue[];
}

export async function importDelivery(db: Database, folder: string): Promise<ImportReport> {
  const read = readDelivery(folder);
  return db.transaction(async (tx): Promise<ImportReport> => {
    const seen = await tx.query<{ id: number }>(FIND_BATCH_BY_HASH, [read.delivery.contentHash]);
    if (seen.length > 0) return { batchId: seen[0]!.id, alreadyImported: true, counts: {}, warnings: [] };

    const log = new IssueLog();
    for (const w of read.warnings) log.warnings.push(w);
    const d0 = read.delivery;
    const referencedParcels = [...new Set([...d0.occupancy, ...d0.buildings, ...d0.standardLand].map((r) => r.unitCode))];
    const referencedEnterprises = [...new Set([...d0.occupancy, ...d0.metrics, ...d0.events].map((r) => r.uscc))];
    const known = await knownCodes(tx, referencedParcels, referencedEnterprises);
    const delivery = resolveReferences(d0, known, log);

    for (const repair of await checkParcelGeometry(tx, delivery)) {
      if (repair.empty) log.error(repair.file, repair.row, 'geometry', `几何无效（${repair.reason}），修复后无面状部分，无法入库`);
      else log.warn(repair.file, repair.row, 'geometry', `几何无效（${repair.reason}），已用 ST_MakeValid 修复`);
    }
    if (log.errors.length > 0) throw new ImportError(log.errors);

    try {
      await storeDelivery(tx, delivery);
    } catch (err) {
      // Rows the database silently left out: refuse the whole delivery, naming them.
      if (err instanceof NotStoredError) throw new ImportError(err.rows.map((r) => ({ file: r.origin.file, row: r.origin.row, field: r.field, message: r.message })));
      throw err;
    }
    const batchId = await recordBatch(tx, delivery, log.warnings);
    return {
      batchId,
      alreadyImported: false,
      counts: {
        regions: delivery.regions.length, roads: delivery.roads?.length ?? 0, parcels: delivery.parcels.length,
        enterprises: delivery.enterprises.length, occupancy: delivery.occupancy.length, buildings: delivery.buildings.length,
        standardLand: delivery.standardLand.length, metrics: delivery.metrics.length, events: delivery.events.length,
      },
      warnings: log.warnings,
    };
  });
}
