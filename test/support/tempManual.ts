import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway manual folder in the OS temp dir: `files` maps paths (with `/`) to their text.
 * Call `remove()` when done (afterAll), so test runs leave nothing behind.
 */
export function tempManual(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'techlead-test-'));
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, ...file.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A page: front matter with `title` (and any other keys, as YAML lines), then the body. */
export function page(title: string, body: string, extraFrontMatter = ''): string {
  return `---\ntitle: ${title}\n${extraFrontMatter}---\n\n${body}`;
}
