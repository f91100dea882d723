import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Database } from '../db/database.ts';
import { insertMethod, listMethods } from '../db/queries/evaluation.ts';
import { validateMethod } from '../domain/evaluation/validate-method.ts';
import { evaluateYear, loadMethod, MethodNotFound } from '../evaluation/run.ts';
import { presetNames, readMethodSchema, readPreset } from '../evaluation/presets.ts';
import { badRequest, notFound, readJsonBody, parseYear } from './params.ts';

/** 400 naming every bad field of a method document. */
function invalidMethod(errors: { path: string; message: string }[]): never {
  throw new HTTPException(400, {
    res: new Response(JSON.stringify({ error: `评价办法无效：${errors.map((e) => `${e.path}：${e.message}`).join('；')}`, errors }), {
      status: 400,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }),
  });
}

export function methodRoutes(db: Database) {
  return new Hono()
    .get('/', async (c) => c.json({ methods: await listMethods(db), presets: presetNames() }))
    .get('/presets/:name', (c) => {
      const doc = readPreset(c.req.param('name'));
      if (!doc) notFound(`没有预置办法 ${c.req.param('name')}（可选：${presetNames().join('、')}）`);
      return c.json(doc as object);
    })
    // The JSON Schema of method documents, for editors (a `$schema` URL) and other tools. Before `/:id`,
    // which would otherwise take it.
    .get('/schema', (c) => c.body(readMethodSchema(), 200, { 'content-type': 'application/schema+json; charset=utf-8' }))
    .post('/validate', async (c) => {
      const checked = validateMethod(await readJsonBody(c));
      return c.json(checked.ok ? { ok: true, errors: [] } : { ok: false, errors: checked.errors });
    })
    .post('/', async (c) => {
      const doc = await readJsonBody(c);
      const checked = validateMethod(doc);
      if (!checked.ok) invalidMethod(checked.errors);
      const { id, version, name } = checked.method;
      if (!(await insertMethod(db, { id, version, name, document: doc, preset: null }))) {
        throw new HTTPException(409, { message: `评价办法 ${id} 版本 ${version} 已存在：办法一经保存不再修改，请使用新的版本号` });
      }
      return c.json({ id, version, name }, 201);
    })
    .post('/from-preset', async (c) => {
      const body = (await readJsonBody(c)) as { preset?: unknown; id?: unknown; name?: unknown; version?: unknown };
      if (typeof body.preset !== 'string') badRequest(`字段 preset 缺失：可选 ${presetNames().join('、')}`);
      const doc = readPreset(body.preset);
      if (!doc) badRequest(`字段 preset 无效：没有预置办法“${body.preset}”（可选：${presetNames().join('、')}）`);
      const copy = { ...(doc as Record<string, unknown>) };
      for (const key of ['id', 'name', 'version'] as const) {
        if (body[key] !== undefined) {
          if (typeof body[key] !== 'string' || body[key].trim() === '') badRequest(`字段 ${key} 应为非空字符串`);
          copy[key] = body[key];
        }
      }
      const checked = validateMethod(copy);
      if (!checked.ok) invalidMethod(checked.errors);
      const { id, version, name } = checked.method;
      if (!(await insertMethod(db, { id, version, name, document: copy, preset: body.preset }))) {
        throw new HTTPException(409, { message: `评价办法 ${id} 版本 ${version} 已存在` });
      }
      return c.json({ id, version, name, preset: body.preset }, 201);
    })
    .get('/:id', async (c) => {
      try {
        const { row } = await loadMethod(db, c.req.param('id'), c.req.query('version') ?? null);
        return c.json({ id: row.id, version: row.version, name: row.name, preset: row.preset, createdAt: row.created_at, document: row.document });
      } catch (err) {
        if (err instanceof MethodNotFound) notFound(err.message);
        throw err;
      }
    })
    .post('/:id/dry-run', async (c) => {
      const body = (await readJsonBody(c)) as { year?: unknown; version?: unknown };
      const year = parseYear('year', body.year);
      let loaded;
      try {
        loaded = await loadMethod(db, c.req.param('id'), typeof body.version === 'string' ? body.version : null);
      } catch (err) {
        if (err instanceof MethodNotFound) notFound(err.message);
        throw err;
      }
      const result = await evaluateYear(db, loaded.method, year);
      return c.json({ methodId: result.methodId, methodVersion: result.methodVersion, year, stored: false, summary: result.summary });
    });
}
