import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { searchLedger } from '../db/queries/search.ts';
import { normaliseCode, toHalfWidth } from '../domain/codes.ts';
import { badRequest, parseLimit } from './params.ts';

export function searchRoutes(db: Database) {
  return new Hono().get('/', async (c) => {
    const q = c.req.query('q');
    if (q === undefined || toHalfWidth(q).trim() === '') badRequest('参数 q 缺失：请输入企业名称、统一社会信用代码或不动产单元代码');
    if (q.length > 100) badRequest('参数 q 过长（最多 100 个字符）');
    const limit = parseLimit(c.req.query('limit'), 20, 100);
    const rows = await searchLedger(db, normaliseCode(q), toHalfWidth(q).trim().replace(/\s+/g, ''), limit);
    return c.json({
      results: rows.map((r) => ({ kind: r.kind, code: r.code, name: r.name, parcelCode: r.parcel_code, bbox: r.bbox })),
    });
  });
}
