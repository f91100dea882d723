/** Chinese words for the API's enumerations. */
import type { EnterpriseScale, OccupancyRole, RegionLevel } from '../../api/types.ts';

export const SCALE_LABEL: Record<EnterpriseScale, string> = { above: '规上', below: '规下' };

export const ROLE_LABEL: Record<OccupancyRole, string> = { owner: '自有', tenant: '租赁' };

export const LEVEL_LABEL: Record<RegionLevel, string> = {
  district: '区县',
  zone: '片区',
  cluster: '组团',
  town: '镇街',
  park: '园区',
};

/** Region levels from large to small, for a "片区 › 组团" breadcrumb. */
export const LEVEL_ORDER: readonly RegionLevel[] = ['district', 'zone', 'cluster', 'park', 'town'];
