import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json, data/ and cards/. Found by walking up, because the same code runs
 * from src/ under tsx and from dist/src/ after `npm run build`.
 */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
export const DATA_DIR = path.join(PROJECT_ROOT, 'data');
export const CARDS_DIR = path.join(PROJECT_ROOT, 'cards');
