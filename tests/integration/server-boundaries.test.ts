// One place for each thing on the server (issue #12), enforced: feature folders depend one way, and route files stay
// thin adapters that leave the database to their services.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, sources } from './support/imports';

const SERVER = join(ROOT, 'src/server');
const FEATURES = join(SERVER, 'features');

/** The feature folder a repository path lies in, if any (files directly in features/, like index.ts, have none). */
function featureOf(path: string): string | null {
  const m = /^src\/server\/features\/([^/]+)\/./.exec(path);
  return m ? m[1] : null;
}

/** Which feature folders each feature folder imports, with one file that does it per edge. */
function featureGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sources(FEATURES)) {
    const from = featureOf(relative(ROOT, file).split(sep).join('/'));
    if (!from) continue;
    for (const target of importsOf(file)) {
      const to = featureOf(target);
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(ROOT, file)} → ${target}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

function mutualImports(graph: Map<string, Map<string, string>>): string[] {
  const pairs: string[] = [];
  for (const [a, edges] of graph) {
    for (const [b, via] of edges) {
      const back = graph.get(b)?.get(a);
      if (back && a < b) pairs.push(`${a} ⇄ ${b} (${via}; ${back})`);
    }
  }
  return pairs.sort();
}

const SQL = /\b(?:selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/;

/** Lines of a file that build SQL, skipping comments. */
function sqlLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) =>
      !/^\s*(\/\/|\*|\/\*)/.test(line) && SQL.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
    );
}

describe('server feature boundaries', () => {
  it('no two feature folders import each other (one depends on the other, never both ways)', () => {
    expect(mutualImports(featureGraph())).toEqual([]);
  });

  it('route files are thin adapters: no SQL in a *.routes.ts', () => {
    const routes = sources(SERVER).filter((f) => f.endsWith('.routes.ts'));
    expect(routes.flatMap(sqlLines)).toEqual([]);
  });

  it('finds what it forbids (the checks are not vacuous)', () => {
    expect(importsOf(join(FEATURES, 'funds/expenses.service.ts'))).toContain(
      'src/server/features/ledger/ledger-version',
    );
    const graph = featureGraph();
    expect(graph.get('funds')?.has('ledger')).toBe(true);
    expect(mutualImports(new Map([...graph, ['ledger', new Map([['funds', 'a made-up import']])]]))).toEqual([
      expect.stringMatching(/^funds ⇄ ledger /),
    ]);
    expect(sources(SERVER).filter((f) => f.endsWith('.routes.ts')).length).toBeGreaterThan(20);
    expect(sqlLines(join(FEATURES, 'districts/districts.service.ts')).length).toBeGreaterThan(0);
  });
});
