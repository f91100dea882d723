import { describe, expect, it } from 'vitest';
import { parseAmount, parseChoice, parseDate, parseList, parseYesNo } from './values.ts';

describe('cell parsers', () => {
  it('reads amounts with thousands separators and full-width digits; blank is null, never zero', () => {
    expect(parseAmount('12,000.5')).toEqual({ ok: true, value: 12000.5 });
    expect(parseAmount('１２３')).toEqual({ ok: true, value: 123 });
    expect(parseAmount('  ')).toEqual({ ok: true, value: null });
    expect(parseAmount('-3').ok).toBe(false);
    expect(parseAmount('12万').ok).toBe(false);
  });
  it('reads the date spellings departments use and refuses days that do not exist', () => {
    expect(parseDate('2024/3/5')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate('2024年3月5日')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('2023-02-29')).toEqual({ ok: false, message: '日期“2023-02-29”不存在' });
  });
  it('reads 是/否 and choices, listing the allowed values when wrong', () => {
    expect(parseYesNo('是')).toEqual({ ok: true, value: true });
    expect(parseYesNo('')).toEqual({ ok: true, value: false });
    const r = parseChoice('自用', { 自有: 'owner', 租赁: 'tenant' }, '使用方式');
    expect(r).toEqual({ ok: false, message: '“自用”不是有效的使用方式（可选：自有、租赁）' });
  });
  it('splits tag lists on Chinese and ASCII separators', () => {
    expect(parseList('专精特新"小巨人"；链主企业, 专精特新')).toEqual(['专精特新"小巨人"', '链主企业', '专精特新']);
  });
});
