/**
 * The land status of one parcel at the end of its asOfDate: idle land (Order 53), the five classes
 * of inefficient supply, low-efficiency tests and 标准地 commitments, each flag with its reason, the
 * rule that raised it and the facts behind it. Pure: the caller supplies the date, the rules and the
 * district's industry medians (`industryMedians`).
 */
import { m2ToMu } from '../units.ts';
import { classFlags } from './classes.ts';
import { dayNumber } from './dates.ts';
import { derive } from './figures.ts';
import { idleFlags } from './idle.ts';
import { lowEfficiencyFlags } from './low-efficiency.ts';
import type { ParcelInput, ParcelStatus } from './model.ts';
import { rulesRef, type LandRules } from './rules.ts';
import { progressAsOf, STAGE_LABELS } from './stage.ts';
import { reviewStandardLand, standardLandFlags } from './standard-land.ts';
import { r, type Context } from './text.ts';

export function assessParcel(input: ParcelInput, rules: LandRules): ParcelStatus {
  dayNumber(input.asOfDate); // a malformed date throws here, with the date in the message
  const progress = progressAsOf(input.supply, input.asOfDate);
  const d = derive(input);
  const ctx: Context = { p: input, progress, d, rules };
  const review = reviewStandardLand(ctx);
  const parts = [idleFlags(ctx), classFlags(ctx, review), lowEfficiencyFlags(ctx, input.industryMedians), standardLandFlags(ctx, review)];
  return {
    unitCode: input.unitCode,
    asOfDate: input.asOfDate,
    rules: rulesRef(rules),
    areaM2: input.areaM2,
    areaMu: r(d.areaMu) ?? 0,
    stage: progress.stage,
    stageLabel: STAGE_LABELS[progress.stage],
    industryCode: input.industryCode,
    holderUscc: input.holderUscc,
    keyDates: {
      approvalDate: input.supply.approvalDate,
      supplyDate: input.supply.supplyDate,
      startDeadline: input.supply.startDeadline,
      actualStartDate: input.supply.actualStartDate,
      completionDate: input.supply.completionDate,
      haltedDate: input.supply.haltedDate,
    },
    occupants: input.occupants.map((o) => ({ uscc: o.uscc, name: o.name, role: o.role, areaUsedM2: o.areaUsedM2, areaUsedMu: r(m2ToMu(o.areaUsedM2)) ?? 0 })),
    measures: {
      taxPerMuWan: r(d.taxPerMuWan),
      vaPerTceWan: r(d.vaPerTceWan),
      rdRatioPct: r(d.rdRatioPct),
      investmentWanPerMu: r(d.investmentWanPerMu),
      far: r(d.far),
      developedShare: r(d.developedShare, 4),
      investedShare: r(d.investedShare, 4),
      vacantFloorShare: r(d.vacantFloorShare, 4),
      vacantFloorAreaM2: r(d.vacantFloorAreaM2),
    },
    flags: parts.flatMap((x) => x.flags),
    standardLand: review,
    notes: parts.flatMap((x) => x.notes),
  };
}
