/** Names of GB/T 21010-2017 land-use codes the ledger uses (the server's land_use table). */
const LAND_USE: Record<string, string> = {
  '05': '商服用地',
  '06': '工矿仓储用地',
  '0601': '工业用地',
  '0602': '采矿用地',
  '0603': '盐田',
  '0604': '仓储用地',
  '07': '住宅用地',
  '08': '公共管理与公共服务用地',
  '09': '特殊用地',
  '10': '交通运输用地',
  '12': '其他土地',
};

/** '工业用地' for '0601'; the code itself when unknown; '' when absent. */
export function landUseName(code: string | null | undefined): string {
  if (!code) return '';
  return LAND_USE[code] ?? LAND_USE[code.slice(0, 2)] ?? code;
}
