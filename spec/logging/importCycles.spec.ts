import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The relative imports of every `.ts` file under `dir`, as absolute `.ts` paths. */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const file = resolve(dir, entry);
    const imports = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)\.js'/g)].map((match) => resolve(dirname(file), `${match[1]}.ts`));
    graph.set(file, imports);
  }
  return graph;
}

/** Every import cycle in `graph`, as a list of files relative to the working directory. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, stack: string[]): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map((path) => relative(process.cwd(), path)));
      else if (state.get(next) === undefined && graph.has(next)) visit(next, stack);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (state.get(file) === undefined) visit(file, []);
  return found;
}

describe.each(['src/logging', 'src/config'])('the modules of %s', (dir) => {
  it('import each other without cycles', () => {
    expect(cycles(importGraph(join(process.cwd(), dir)))).toEqual([]);
  });
});
