import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

/*
 * Issue 17: "choose and pin a version, or run the server on a Node it supports, and say which
 * in the README". What the README and docs/SERVER.md say must match what package.json pins and
 * what the installed Hocuspocus declares, or this fails.
 */

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = json('package.json');
const readme = readFileSync('README.md', 'utf8');
const serverDoc = readFileSync('docs/SERVER.md', 'utf8');
const HOCUSPOCUS = ['@hocuspocus/server', '@hocuspocus/provider', '@hocuspocus/extension-redis'];

/** Whether Node `major` satisfies an engines range made of `>=N`, `^N`, `N.x` parts joined by `||`. */
function nodeSatisfies(range: string | undefined, major: number): boolean {
  if (!range) return true;
  return range.split('||').some((part) => {
    const m = /(>=|\^|~)?\s*v?(\d+)/.exec(part.trim());
    if (!m) return true;
    return m[1] === '>=' ? major >= Number(m[2]) : major === Number(m[2]);
  });
}

describe('the sync server’s versions', () => {
  it('pins one exact Hocuspocus version for server, provider and Redis extension, and the README and SERVER.md name it', () => {
    const versions = HOCUSPOCUS.map((name) => pkg.dependencies[name] as string);
    expect(new Set(versions).size).toBe(1);
    const [version] = versions;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/); // exact: no ^ or ~
    for (const name of HOCUSPOCUS) expect(json(`node_modules/${name}/package.json`).version).toBe(version);
    const named = [...readme.matchAll(/Hocuspocus (\d+\.\d+\.\d+)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set([version])); // every mention, not just one
    expect(serverDoc).toContain(`**${version}**`);
  });

  it('runs on the Node major the README names, which the pinned Hocuspocus supports, and the examples use it', () => {
    const majors = [...readme.matchAll(/Hocuspocus [\d.]+,? (?:on )?Node (\d+)/g)].map((m) => Number(m[1]));
    expect(majors.length).toBeGreaterThan(0);
    expect(new Set(majors).size).toBe(1);
    const [major] = majors;
    for (const name of HOCUSPOCUS) expect(nodeSatisfies(json(`node_modules/${name}/package.json`).engines?.node, major)).toBe(true);
    expect(Number(process.versions.node.split('.')[0])).toBe(major); // the tests run on it
    expect(serverDoc).toContain(`image: node:${major}-`); // docker compose
    expect(nodeSatisfies('>=22', 20)).toBe(false); // the check itself: Hocuspocus 4.x would fail it
  });
});
