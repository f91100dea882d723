/**
 * Word lists for invented names of places, roads and enterprises, in the style of western
 * Chongqing. None of the generated enterprise names is meant to describe a real company.
 */
import type { Rng } from './random.ts';

/** Cluster (组团) place names; a 片区 is named after its first cluster. Cycled with 二/三… beyond. */
export const PLACE_NAMES = [
  '西永', '微电园', '土主', '含谷', '金凤', '白市驿', '青凤', '走马',
  '曾家', '虎溪', '陈家桥', '歇马', '凤凰', '巴福', '丰文', '回龙坝',
  '井口', '双碑', '西彭', '铜罐驿', '陶家', '华岩', '石板', '香炉山',
  '寨山坪', '青木关', '凤鸣山', '科学城', '缙云', '中梁', '兴隆', '龙凤',
] as const;

export const TOWN_NAMES = [
  '西永街道', '曾家镇', '含谷镇', '金凤镇', '白市驿镇', '虎溪街道', '陈家桥街道', '土主街道',
  '走马镇', '青木关镇', '歇马街道', '凤凰镇', '丰文街道', '回龙坝镇', '井口街道', '西彭镇',
] as const;

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 35 → 三十五; beyond 99 falls back to Arabic digits. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n]!;
  if (n < 20) return `十${CHINESE_NUMERALS[n - 10]}`;
  if (n < 100) return `${CHINESE_NUMERALS[Math.floor(n / 10)]}十${CHINESE_NUMERALS[n % 10]}`;
  return String(n);
}

/** The i-th name from a list, with 二, 三… appended once the list is used up. */
export function cycledName(list: readonly string[], i: number): string {
  const base = list[i % list.length]!;
  const round = Math.floor(i / list.length);
  return round === 0 ? base : `${base}${chineseNumber(round + 1)}`;
}

/** Names of 主干路 inside and around the clusters. */
export const ARTERIAL_NAMES = [
  '科城大道', '西永大道', '含谷大道', '金凤大道', '白市驿大道', '青凤大道', '大学城南路', '大学城中路',
  '曾家路', '土主大道', '高新大道', '科学大道', '创新大道', '虎溪大道', '陈家桥大道', '走马大道',
  '凤栖路', '西园大道', '微电园路', '康居西路', '团结路', '双溪大道', '联芸路', '梧桐大道',
  '景阳路', '富康路', '学府大道', '高腾大道', '西863路', '含金路',
] as const;

/** Stems for 次干路 and 支路 names: 西园一路, 科辉三支路… */
export const STREET_STEMS = [
  '西园', '科辉', '微电', '康居', '曾凤', '凤栖', '新凤', '含金', '金凤', '白龙', '青桐', '走马岭',
  '土主', '虎峰', '陈桥', '歇台', '凤鸣', '巴山', '丰泽', '龙腾', '锦程', '云湖', '景泰', '兴业',
  '创业', '智造', '明德', '光华', '嘉禾', '宏图', '天安', '同兴',
] as const;

/** Characters for enterprise 字号 (trade names), two or three at a time. */
const TRADE_NAME_CHARS =
  '金鑫华瑞恒泰宏达盛源隆创科智联博讯精锐宇航天海润凯昌安信德丰元亿嘉欣永捷迅腾飞扬远鸿晟昊晨弘铭锦泓骏驰煜炜烨睿哲诚和康宁佳美晶硕宝力强坤乾兴旺荣升辉耀明光新星峰岳川江渝巴蜀山城西奥维佰邦聚合同舟立' +
  '汇通顺祥益禾众鼎鹏展泽霖森林翔宸琪璟珑瀚涛航帆越卓颖超群益友正道方圆弘毅';

/** Region prefixes and company-form suffixes seen on Chongqing business licences. */
const COMPANY_SUFFIXES: readonly (readonly [string, number])[] = [
  ['有限公司', 82],
  ['股份有限公司', 10],
  ['有限责任公司', 8],
];

/**
 * An invented enterprise name such as 重庆瑞恒精密机械有限公司 or 鑫达（重庆）电子有限公司
 * (the latter style, with full-width brackets, is how foreign-invested firms are registered).
 * `length` is the number of characters in the 字号; callers raise it after a name collision.
 */
export function enterpriseName(rng: Rng, industryWord: string, length: number): string {
  let trade = '';
  for (let i = 0; i < length; i++) trade += TRADE_NAME_CHARS[Math.floor(rng.next() * TRADE_NAME_CHARS.length)];
  const suffix = rng.weighted(COMPANY_SUFFIXES);
  const style = rng.next();
  if (style < 0.05) return `${trade}（重庆）${industryWord}${suffix}`;
  if (style < 0.2) return `重庆市${trade}${industryWord}${suffix}`;
  return `重庆${trade}${industryWord}${suffix}`;
}
