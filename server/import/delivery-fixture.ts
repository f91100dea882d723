/** Test helper: a copy of the `tiny` delivery in a temp folder, with files edited to make it bad. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from './text.ts';

export const TINY = join(import.meta.dirname, 'fixtures', 'tiny');

export function tinyCopy(edits: Record<string, (text: string) => string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'mujun-delivery-'));
  cpSync(TINY, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    // Edited files are written back as UTF-8 (a GBK original is decoded first).
    writeFileSync(path, edit(decodeText(readFileSync(path))));
  }
  return dir;
}
