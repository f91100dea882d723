/**
 * Where a parcel stands at the end of the asOfDate. Dates in the supply record decide; the
 * development status (a snapshot taken when the record was made) is used only where a date is missing.
 */
import { onOrBefore, type IsoDate } from './dates.ts';
import type { DevStatus, Stage, SupplyFacts } from './model.ts';

export interface Progress {
  stage: Stage;
  supplied: boolean;
  started: boolean;
  completed: boolean;
  producing: boolean;
  halted: boolean;
}

export const STAGE_LABELS: Record<Stage, string> = {
  unsupplied: '未供地',
  notStarted: '已供地未开工',
  underConstruction: '在建',
  halted: '停建',
  completed: '已竣工未投产',
  producing: '已投产',
};

const STARTED: ReadonlySet<DevStatus> = new Set(['在建', '停建', '已竣工', '已投产']);
const COMPLETED: ReadonlySet<DevStatus> = new Set(['已竣工', '已投产']);

/** A dated event happened by asOf; without a date, `fallback` (from the status snapshot) decides. */
function happened(date: IsoDate | null | undefined, asOf: IsoDate, fallback: boolean): boolean {
  return date ? onOrBefore(date, asOf) : fallback;
}

export function progressAsOf(supply: SupplyFacts, asOf: IsoDate): Progress {
  const status = supply.devStatus;
  const supplied = happened(supply.supplyDate, asOf, status !== null && status !== '未供');
  const started = supplied && happened(supply.actualStartDate, asOf, status !== null && STARTED.has(status));
  const completed = started && happened(supply.completionDate, asOf, status !== null && COMPLETED.has(status));
  const producing = completed && happened(supply.productionDate, asOf, status === '已投产');
  // A halt dated before asOf still holds unless the snapshot says construction resumed (在建).
  const halted = started && !completed && (supply.haltedDate ? onOrBefore(supply.haltedDate, asOf) && status !== '在建' : status === '停建');
  const stage: Stage = !supplied
    ? 'unsupplied'
    : !started
      ? 'notStarted'
      : producing
        ? 'producing'
        : completed
          ? 'completed'
          : halted
            ? 'halted'
            : 'underConstruction';
  return { stage, supplied, started, completed, producing, halted };
}
