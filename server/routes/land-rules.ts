import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Database } from '../db/database.ts';
import { insertLandRules, landRefresh, listLandRules } from '../db/queries/land-rules.ts';
import { validateLandRules } from '../domain/land-status/validate-rules.ts';
import { refreshLandStatus } from '../land/refresh.ts';
import { activeRules, LandRulesNotFound, loadLandRules, readDefaultLandRules, readLandRulesSchema } from '../land/rules.ts';
import { badRequest, notFound, readJsonBody } from './params.ts';

/** 400 naming every bad field of a rules document. */
function invalidRules(errors: { path: string; message: string }[]): never {
  throw new HTTPException(400, {
    res: new Response(JSON.stringify({ error: `用地规则无效：${errors.map((e) => `${e.path}：${e.message}`).join('；')}`, errors }), {
      status: 400,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }),
  });
}

/** Land-status rules documents (闲置/低效认定、退出、连片开发阈值), versioned like evaluation methods. */
export function landRulesRoutes(db: Database) {
  return new Hono()
    .get('/', async (c) => {
      const [list, { row }, last] = [await listLandRules(db), await activeRules(db), await landRefresh(db)];
      return c.json({
        rules: list.map((r) => ({ id: r.id, version: r.version, name: r.name, createdAt: r.created_at })),
        active: { id: row.id, version: row.version, name: row.name },
        lastRefresh: last && { rules: `${last.rules_id}@${last.rules_version}`, dataVersion: last.data_version, years: last.years, computedAt: last.computed_at, summary: last.summary },
      });
    })
    .get('/default', (c) => c.json(readDefaultLandRules() as object))
    // The JSON Schema of rules documents, for editors and other tools; before `/:id`, which would take it.
    .get('/schema', (c) => c.body(readLandRulesSchema(), 200, { 'content-type': 'application/schema+json; charset=utf-8' }))
    .post('/validate', async (c) => {
      const checked = validateLandRules(await readJsonBody(c));
      return c.json(checked.ok ? { ok: true, errors: [] } : { ok: false, errors: checked.errors });
    })
    .post('/', async (c) => {
      const doc = await readJsonBody(c);
      const checked = validateLandRules(doc);
      if (!checked.ok) invalidRules(checked.errors);
      const { id, version, name } = checked.rules;
      if (!(await insertLandRules(db, { id, version, name, document: doc }))) {
        throw new HTTPException(409, { message: `用地规则 ${id} 版本 ${version} 已存在：规则一经保存不再修改，请提高 version` });
      }
      // The newest document is the one in force: statuses and candidates are recomputed with it now.
      const refresh = await refreshLandStatus(db);
      return c.json({ id, version, name, refresh }, 201);
    })
    .post('/refresh', async (c) => c.json(await refreshLandStatus(db)))
    .get('/:id', async (c) => {
      const raw = c.req.query('version');
      const version = raw === undefined ? null : Number(raw);
      if (version !== null && (!Number.isInteger(version) || version < 1)) badRequest(`参数 version 应为正整数，实为“${raw}”`);
      try {
        const { row } = await loadLandRules(db, c.req.param('id'), version);
        return c.json({ id: row.id, version: row.version, name: row.name, createdAt: row.created_at, document: row.document });
      } catch (err) {
        if (err instanceof LandRulesNotFound) notFound(err.message);
        throw err;
      }
    });
}
