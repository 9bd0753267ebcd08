import { type Plugin, parseSync } from 'vite';

/**
 * The web calls the API through the endpoints of src/shared/api (decision 020) but at run time reads only their
 * method and path: the zod schemas they carry are for the server and for the compiler. Left in, every page that
 * imports an endpoint downloads zod and the DTO schemas, some 25 kB compressed, on a phone over 4G (issue 16). This
 * build step drops the schema properties from the `endpoint({...})` literals of the web build; a download's kind
 * (`response: 'xlsx'`) is a string and stays. Forms that validate with a schema still import it and load zod then.
 */
const SCHEMA_PROPS = new Set(['params', 'query', 'body', 'response']);

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

/** The [start, end) ranges of the schema values in every `endpoint({...})` call of the module. */
export function schemaRanges(code: string, filename: string): Array<[number, number]> {
  const { program, errors } = parseSync(filename, code, { lang: 'ts' });
  if (errors.length) throw new Error(`${filename}: ${errors[0].message}`);
  const ranges: Array<[number, number]> = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) {
      for (const c of n) visit(c);
      return;
    }
    if (!isNode(n)) return;
    const callee = n.callee as Node | undefined;
    const arg = (n.arguments as Node[] | undefined)?.[0];
    if (n.type === 'CallExpression' && callee?.type === 'Identifier' && callee.name === 'endpoint') {
      if (arg?.type === 'ObjectExpression') {
        for (const p of arg.properties as Node[]) {
          const key = p.key as Node | undefined;
          const value = p.value as Node | undefined;
          if (p.type !== 'Property' || key?.type !== 'Identifier' || !value) continue;
          if (!SCHEMA_PROPS.has(key.name as string)) continue;
          if (value.type === 'Literal' && typeof value.value === 'string') continue;
          ranges.push([value.start, value.end]);
        }
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'type' && typeof v === 'object') visit(v);
  };
  visit(program);
  return ranges;
}

export function withoutSchemas(code: string, filename: string): string {
  let out = code;
  for (const [start, end] of schemaRanges(code, filename).sort((a, b) => b[0] - a[0])) {
    out = `${out.slice(0, start)}undefined${out.slice(end)}`;
  }
  return out;
}

const ENDPOINT_MODULE = /[\\/]src[\\/]shared[\\/]api[\\/](?!endpoint\.ts$)[\w-]+\.ts$/;
/** Modules that only declare schemas and constants: importing one for a binding nobody uses must not keep it. */
const DECLARATIONS_ONLY = /[\\/]src[\\/]shared[\\/](api|schemas)[\\/][\w-]+\.ts$/;

export function endpointPathsOnly(): Plugin {
  return {
    name: 'qianqi-endpoint-paths-only',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (ENDPOINT_MODULE.test(id)) return { code: withoutSchemas(code, id), map: null, moduleSideEffects: false };
      if (DECLARATIONS_ONLY.test(id)) return { code, map: null, moduleSideEffects: false };
      return null;
    },
  };
}
