import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The extensions the GOV.UK manual publishes pages from. */
const PAGE_FILE = /\.md(\.erb)?$/;

/**
 * Every page file under `dir`, recursively, as paths relative to `dir` with `/` separators,
 * sorted so that loading (and so ranking ties) is the same on every machine.
 * Dot-folders (`.git`) and `node_modules` are skipped.
 */
export async function findPageFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !PAGE_FILE.test(entry.name)) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    files.push(rel);
  }
  return files.sort();
}
