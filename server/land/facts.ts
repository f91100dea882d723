/** The database's view of a parcel turned into what the land-status rules read, for one year. */
import type { FiguresByYear, ParcelFactsRow } from '../db/queries/land.ts';
import type { ParcelFacts, YearFigures } from '../domain/land-status/model.ts';

function figuresOf(byYear: FiguresByYear | null, year: number): YearFigures {
  const v = byYear?.[String(year)] ?? {};
  return { taxWan: v.tax_wan ?? null, valueAddedWan: v.value_added_wan ?? null, energyTce: v.energy_tce ?? null, rdWan: v.rd_wan ?? null, revenueWan: v.revenue_wan ?? null };
}

/** The parcel as of the end of `year` (asOfDate `year-12-31`), with its enterprises' figures for that year. */
export function parcelFacts(row: ParcelFactsRow, year: number): ParcelFacts {
  return {
    unitCode: row.unit_code,
    areaM2: row.area_m2,
    far: row.far,
    floorAreaM2: row.floor_area_m2,
    holderUscc: row.holder_uscc,
    supply: {
      approvalDate: row.approval_date,
      supplyDate: row.supply_date,
      supplyMethod: row.supply_method,
      startDeadline: row.start_deadline,
      actualStartDate: row.actual_start_date,
      completionDate: row.completion_date,
      landPriceWan: row.land_price_wan,
      devStatus: row.dev_status,
      developedAreaM2: row.developed_area_m2,
      investedWan: row.invested_wan,
      haltedDate: row.halted_date,
    },
    buildings: row.buildings,
    standardLand: row.standard_land,
    // The main occupant's industry (owner first, then the largest area), else the holder's.
    industryCode: row.occupants[0]?.industryCode ?? row.holder_industry_code,
    occupants: row.occupants.map((o) => ({
      uscc: o.uscc,
      name: o.name,
      role: o.role,
      areaUsedM2: o.areaUsedM2,
      totalAreaUsedM2: o.totalAreaUsedM2,
      figures: figuresOf(o.figures, year),
    })),
    asOfDate: `${year}-12-31`,
  };
}
