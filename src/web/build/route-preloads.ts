import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Plugin, parseSync } from 'vite';
import { PRELOADS_FILE, type RoutePreloads } from '../../shared/route-preloads';

/**
 * Which files a signed-in user's first page needs, for the server to name in that page's HTML (issue 16).
 *
 * A page of the app arrives in steps: index.js, then the shell and antd (imported when index runs), then the layout and
 * the route table (when the shell runs), then the page and its components (when the route table runs). Each step
 * waits for the one before, and over 4G each costs a round trip and a queue on the browser's six connections: the
 * host's home was usable after 4.2 s, its code done only after 3.3 s. With `<link rel="modulepreload">` for every file
 * of those steps in the HTML, the browser fetches them all from the start, side by side.
 *
 * The build writes `.vite/route-preloads.json` (never served: the server reads it at start): the files every page of
 * the app needs (the shell, the layout, the route table and their imports) and, per route of src/web/routes.tsx, the
 * files its page adds. The server (src/server/http/route-preloads.ts) picks the route of the requested address.
 */

interface Node {
  type: string;
  [key: string]: unknown;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

function firstImport(n: unknown): string | null {
  if (Array.isArray(n)) {
    for (const c of n) {
      const found = firstImport(c);
      if (found) return found;
    }
    return null;
  }
  if (!isNode(n)) return null;
  const source = n.source as Node | undefined;
  if (n.type === 'ImportExpression' && source?.type === 'Literal' && typeof source.value === 'string') {
    return source.value;
  }
  for (const [k, v] of Object.entries(n)) {
    if (k === 'type' || typeof v !== 'object') continue;
    const found = firstImport(v);
    if (found) return found;
  }
  return null;
}

/** The routes of the route table's source: every object literal with a string `path` and a `page` that imports. */
export function routePagesOf(code: string, filename: string): Array<{ path: string; module: string; data?: string[] }> {
  const { program, errors } = parseSync(filename, code, { lang: 'tsx' });
  if (errors.length) throw new Error(`${filename}: ${errors[0].message}`);
  const found: Array<{ path: string; module: string }> = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) {
      for (const c of n) visit(c);
      return;
    }
    if (!isNode(n)) return;
    if (n.type === 'ObjectExpression') {
      const props = (n.properties as Node[]).filter((p) => p.type === 'Property');
      const prop = (name: string) => props.find((p) => (p.key as Node | undefined)?.name === name)?.value as Node;
      const path = prop('path');
      const page = prop('page');
      const module = page ? firstImport(page) : null;
      if (path?.type === 'Literal' && typeof path.value === 'string' && module) {
        found.push({ path: path.value, module });
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'type' && typeof v === 'object') visit(v);
  };
  visit(program);
  return found;
}

/** What the preload map needs of an output chunk (a subset of Rollup's and Rolldown's OutputChunk). */
export interface ChunkInfo {
  fileName: string;
  imports: string[];
  facadeModuleId: string | null;
  /** the HTML's own script: what it imports statically is loaded by the page already */
  isEntry: boolean;
  css?: string[];
}

/** A chunk's file and everything it imports statically, depth first (its CSS beside it), as root-relative URLs. */
const closureIn = (chunks: Map<string, ChunkInfo>, base: string) => (start: ChunkInfo, seen: Set<string>) => {
  const out: string[] = [];
  const walk = (c: ChunkInfo) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const i of c.imports) {
      const dep = chunks.get(i);
      if (dep) walk(dep);
    }
    out.push(base + c.fileName);
    for (const css of c.css ?? []) {
      if (seen.has(css)) continue;
      seen.add(css);
      out.push(base + css);
    }
  };
  walk(start);
  return out;
};

export interface PreloadInput {
  chunks: ChunkInfo[];
  /** absolute ids of the modules whose chunks every page needs after index: the shell and the layout */
  commonModules: string[];
  /** the route table, its page modules resolved to absolute ids */
  routes: Array<{ path: string; module: string }>;
  base?: string;
}

/** The preload map from the build's chunks: files the entry already loads are left out (its HTML names them). */
export function preloadMap({ chunks, commonModules, routes, base = '/' }: PreloadInput): RoutePreloads {
  const closure = closureIn(new Map(chunks.map((c) => [c.fileName, c])), base);
  const byFacade = new Map(chunks.filter((c) => c.facadeModuleId).map((c) => [c.facadeModuleId as string, c]));
  const entryLoaded = new Set<string>();
  for (const c of chunks.filter((x) => x.isEntry)) closure(c, entryLoaded);
  const commonSeen = new Set(entryLoaded);
  const common: string[] = [];
  for (const id of commonModules) {
    const chunk = byFacade.get(id);
    if (!chunk) throw new Error(`route preloads: no chunk for ${id}`);
    common.push(...closure(chunk, commonSeen));
  }
  return {
    common,
    routes: routes.map((r) => {
      const chunk = byFacade.get(r.module);
      if (!chunk) throw new Error(`route preloads: no chunk for the page of ${r.path} (${r.module})`);
      return { path: r.path, files: closure(chunk, new Set(commonSeen)) };
    }),
  };
}

const SOURCE_EXTENSIONS = ['.tsx', '.ts'];

function resolveSource(from: string, spec: string): string {
  const bare = resolve(dirname(from), spec);
  for (const ext of SOURCE_EXTENSIONS) {
    try {
      readFileSync(bare + ext);
      return bare + ext;
    } catch {
      // try the next extension
    }
  }
  throw new Error(`route preloads: cannot resolve ${spec} from ${from}`);
}

export function routePreloads(): Plugin {
  let root = '';
  let base = '/';
  return {
    name: 'qianqi-route-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const table = resolve(root, 'src/web/routes.tsx');
      const routes = routePagesOf(readFileSync(table, 'utf8'), table).map((r) => ({
        ...r,
        module: resolveSource(table, r.module),
      }));
      const chunks: ChunkInfo[] = [];
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks.push({
          fileName: out.fileName,
          imports: out.imports,
          facadeModuleId: out.facadeModuleId,
          isEntry: out.isEntry,
          css: [...(out.viteMetadata?.importedCss ?? [])],
        });
      }
      const map = preloadMap({
        chunks,
        commonModules: [resolve(root, 'src/web/app/shell.tsx'), resolve(root, 'src/web/app/layout.tsx')],
        routes,
        base,
      });
      this.emitFile({ type: 'asset', fileName: PRELOADS_FILE, source: `${JSON.stringify(map, null, 1)}\n` });
    },
  };
}
