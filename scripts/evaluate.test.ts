import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../server/domain/evaluation/evaluate.ts';
import { validateMethod } from '../server/domain/evaluation/validate-method.ts';

const root = join(import.meta.dirname, '..');
const LEDGER = join(root, 'server/domain/evaluation/fixtures/ledger-2025.json');
const METHOD = join(root, 'data/methods/huangyan-2022.json');
const cli = (args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/evaluate.ts'), ...args], { cwd: root, encoding: 'utf8', stdio: 'pipe' });

describe('scripts/evaluate.ts', () => {
  it('gives the same result as the engine in the app', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mujun-cli-')), 'results.json');
    const printed = cli(['--method', METHOD, '--ledger', LEDGER, '--out', out]);
    expect(printed).toContain('huangyan-2022');
    const method = validateMethod(JSON.parse(readFileSync(METHOD, 'utf8')));
    if (!method.ok) throw new Error('preset invalid');
    const expected = evaluate(JSON.parse(readFileSync(LEDGER, 'utf8')), method.method);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('writes CSV with Chinese headers', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mujun-cli-')), 'results.csv');
    cli(['--method', METHOD, '--ledger', LEDGER, '--out', out]);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toContain('组别,排名,参评数,等级,排名等级,综合得分');
  });

  it('names the bad field of a broken method and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mujun-cli-'));
    const broken = JSON.parse(readFileSync(METHOD, 'utf8'));
    broken.grading = { kind: 'quotas', sharesPct: { A: 'many' } };
    const path = join(dir, 'broken.json');
    writeFileSync(path, JSON.stringify(broken));
    let status = 0;
    let stderr = '';
    try {
      cli(['--method', path, '--ledger', LEDGER, '--out', join(dir, 'r.json')]);
    } catch (err) {
      status = (err as { status: number }).status;
      stderr = (err as { stderr: string }).stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toContain('grading.sharesPct.A');
  });
});
