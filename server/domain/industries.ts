/**
 * Names of GB/T 4754-2017 industry classes seen in industrial districts, and of their 大类 (two-digit
 * divisions) as a fallback, so any manufacturing code gets at least its division's name.
 */
const CLASSES: Record<string, string> = {
  C1495: '食品及饲料添加剂制造', C1391: '淀粉及淀粉制品制造', C1511: '酒精制造', C1762: '针织或钩针编织物印染精加工',
  C2319: '包装装潢及其他印刷', C2614: '有机化学原料制造', C2661: '化学试剂和助剂制造',
  C2710: '化学药品原料药制造', C2720: '化学药品制剂制造', C2761: '生物药品制造', C2770: '卫生材料及医药用品制造',
  C2929: '塑料零件及其他塑料制品制造', C3021: '水泥制品制造', C3062: '玻璃纤维增强塑料制品制造', C3311: '金属结构制造',
  C3360: '金属表面处理及热处理加工', C3399: '其他未列明金属制品制造', C3489: '其他通用零部件制造',
  C3562: '半导体器件专用设备制造', C3581: '医疗诊断、监护及治疗设备制造', C3612: '新能源车整车制造', C3670: '汽车零部件及配件制造',
  C3811: '发电机及发电机组制造', C3841: '锂离子电池制造', C3849: '其他电池制造', C3911: '计算机整机制造',
  C3912: '计算机零部件制造', C3914: '工业控制计算机及系统制造', C3921: '通信系统设备制造', C3963: '智能无人飞行器制造',
  C3973: '集成电路制造', C3974: '显示器件制造', C3976: '光电子器件制造', C3981: '电阻电容电感元件制造',
  C3982: '电子电路制造', C3989: '其他电子元件制造', C4011: '工业自动控制系统装置制造',
  L7221: '园区管理服务', D4411: '火力发电', D4430: '热力生产和供应', D4610: '自来水生产和供应', D4620: '污水处理及其再生利用',
};

const DIVISIONS: Record<string, string> = {
  C13: '农副食品加工业', C14: '食品制造业', C15: '酒、饮料和精制茶制造业', C17: '纺织业', C22: '造纸和纸制品业',
  C23: '印刷和记录媒介复制业', C26: '化学原料和化学制品制造业', C27: '医药制造业', C29: '橡胶和塑料制品业',
  C30: '非金属矿物制品业', C33: '金属制品业', C34: '通用设备制造业', C35: '专用设备制造业', C36: '汽车制造业',
  C37: '铁路、船舶、航空航天和其他运输设备制造业', C38: '电气机械和器材制造业', C39: '计算机、通信和其他电子设备制造业',
  C40: '仪器仪表制造业', C41: '其他制造业', C42: '废弃资源综合利用业', D44: '电力、热力生产和供应业', D45: '燃气生产和供应业',
  D46: '水的生产和供应业', L72: '商务服务业',
};

/** Section letters of the codes a district's enterprise list may carry without them. */
function withSection(code: string): string {
  if (/^[A-T]/.test(code)) return code;
  const division = Number(code.slice(0, 2));
  return (division >= 44 && division <= 46 ? 'D' : division >= 13 && division <= 43 ? 'C' : '') + code;
}

/** Name of a GB/T 4754 class (e.g. `C3670` or `3670`), its division's name, or null. */
export function industryName(code: string): string | null {
  const full = withSection(code);
  return CLASSES[full] ?? DIVISIONS[full.slice(0, 3)] ?? null;
}

/** Utilities (电力、热力、燃气、水) are listed, not graded (class T). */
export function isUtilityIndustry(code: string): boolean {
  return /^D4[4-6]/.test(withSection(code));
}
