/**
 * Cross-file references of a delivery: every occupancy, building, 标准地 row must name a parcel and
 * every occupancy and metric row an enterprise, from this delivery or already stored. A building-unit
 * code (…F00010001) is accepted for its parcel through the shared 19-character 宗地代码, with a warning.
 */
import { PARCEL_CODE_LENGTH } from '../domain/codes.ts';
import type { IssueLog } from './issues.ts';
import type { Delivery, Origin } from './records.ts';

export interface Known {
  /** Land-unit codes already stored. */
  unitCodes: readonly string[];
  usccs: ReadonlySet<string>;
  landUses: ReadonlySet<string>;
}

export function resolveReferences(d: Delivery, known: Known, log: IssueLog): Delivery {
  const unitCodes = new Set([...known.unitCodes, ...d.parcels.map((p) => p.unitCode)]);
  const byParcelCode = new Map<string, string[]>();
  for (const code of unitCodes) {
    const key = code.slice(0, PARCEL_CODE_LENGTH);
    byParcelCode.set(key, [...(byParcelCode.get(key) ?? []), code]);
  }
  const usccs = new Set([...known.usccs, ...d.enterprises.map((e) => e.uscc)]);

  const parcelFor = (code: string, origin: Origin): string | null => {
    if (unitCodes.has(code)) return code;
    const candidates = byParcelCode.get(code.slice(0, PARCEL_CODE_LENGTH)) ?? [];
    if (candidates.length === 1) {
      log.warn(origin.file, origin.row, '不动产单元代码', `${code} 不是宗地单元代码，按宗地代码 ${code.slice(0, PARCEL_CODE_LENGTH)} 关联到 ${candidates[0]}`);
      return candidates[0]!;
    }
    log.error(origin.file, origin.row, '不动产单元代码', `${code} 不在宗地数据中`);
    return null;
  };
  const enterpriseKnown = (uscc: string, origin: Origin): boolean => {
    if (usccs.has(uscc)) return true;
    log.error(origin.file, origin.row, '统一社会信用代码', `${uscc} 不在企业名录中`);
    return false;
  };

  for (const p of d.parcels) {
    if (!known.landUses.has(p.landUse)) log.error(p.origin.file, p.origin.row, '土地用途', `用途代码 ${p.landUse} 未收录（GB/T 21010）`);
  }

  const occupancy = d.occupancy.flatMap((o) => {
    const unitCode = parcelFor(o.unitCode, o.origin);
    const ok = enterpriseKnown(o.uscc, o.origin);
    return unitCode && ok ? [{ ...o, unitCode }] : [];
  });
  const buildings = d.buildings.flatMap((b) => {
    const unitCode = parcelFor(b.unitCode, b.origin);
    return unitCode ? [{ ...b, unitCode }] : [];
  });
  const standardLand = d.standardLand.flatMap((s) => {
    const unitCode = parcelFor(s.unitCode, s.origin);
    return unitCode ? [{ ...s, unitCode }] : [];
  });
  const metrics = d.metrics.filter((m) => enterpriseKnown(m.uscc, m.origin));
  const events = d.events.filter((e) => enterpriseKnown(e.uscc, e.origin));
  return { ...d, occupancy, buildings, standardLand, metrics, events };
}
