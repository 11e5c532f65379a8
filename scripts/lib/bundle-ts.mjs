// Bundle one of our TypeScript entry points for Node with rolldown (vite's bundler, already
// installed) and import it: packages stay packages (node_modules), only our own code is bundled.
// The bundle is named by its content, so instances started at once share one file.
import { rolldown } from 'rolldown';
import { pathToFileURL } from 'node:url';
import { resolve, basename } from 'node:path';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';

export async function importTs(entry) {
  const bundle = await rolldown({
    input: entry,
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.includes('/src/') && !id.includes('/server/'),
    logLevel: 'warn',
  });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  const code = output[0].code;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  mkdirSync(resolve('server/dist'), { recursive: true });
  const out = resolve(`server/dist/${basename(entry, '.ts')}-${hash}.mjs`);
  if (!existsSync(out)) {
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, out);
  }
  return import(pathToFileURL(out).href);
}
