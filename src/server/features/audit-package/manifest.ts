import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';

// The audit package's manifest (第十二条, issue #5): the SHA-256 of every file in the zip. `verifyPackage` recomputes
// each one and names every file that was altered, removed or slipped in. The manifest cannot hash itself: its own
// SHA-256 is written to the audit trail when the package is made, so a changed manifest is caught there.

export const PACKAGE_FORMAT = 'qianqi-audit-package/1';
export const MANIFEST = 'manifest.json';

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  station: { id: string; name: string; programYear: number };
  generatedAt: string;
  generatedBy: string | null;
  files: ManifestFile[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface ManifestOptions {
  station: Manifest['station'];
  /** the package's files by path */
  files: Record<string, Uint8Array>;
  generatedAt: string;
  generatedBy: string | null;
}

export function manifestOf({ station, files, generatedAt, generatedBy }: ManifestOptions): Manifest {
  return {
    format: PACKAGE_FORMAT,
    station,
    generatedAt,
    generatedBy,
    files: Object.keys(files)
      .sort()
      .map((path) => ({ path, sha256: sha256Hex(files[path]), size: files[path].byteLength })),
  };
}

export type PackageProblem = { path: string; kind: 'altered' | 'missing' | 'unlisted' };

export interface Verification {
  ok: boolean;
  manifestSha256: string | null;
  station: Manifest['station'] | null;
  checked: number;
  problems: PackageProblem[];
  /** set when the zip or its manifest cannot be read at all */
  error?: string;
}

export function verifyPackage(zip: Uint8Array): Verification {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (e) {
    return fail(`不是有效的 zip 文件（${(e as Error).message}）`);
  }
  const raw = entries[MANIFEST];
  if (!raw) return fail(`缺少清单文件 ${MANIFEST}`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(raw)) as Manifest;
  } catch {
    return fail(`清单文件 ${MANIFEST} 不是有效的 JSON`);
  }
  if (manifest.format !== PACKAGE_FORMAT || !Array.isArray(manifest.files))
    return fail(`清单格式不是 ${PACKAGE_FORMAT}`);
  const problems: PackageProblem[] = [];
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const bytes = entries[f.path];
    if (!bytes) problems.push({ path: f.path, kind: 'missing' });
    else if (bytes.byteLength !== f.size || sha256Hex(bytes) !== f.sha256)
      problems.push({ path: f.path, kind: 'altered' });
  }
  for (const path of Object.keys(entries).sort()) {
    // Directory entries carry no content.
    if (path !== MANIFEST && !path.endsWith('/') && !listed.has(path)) problems.push({ path, kind: 'unlisted' });
  }
  return {
    ok: problems.length === 0,
    manifestSha256: sha256Hex(raw),
    station: manifest.station ?? null,
    checked: manifest.files.length,
    problems,
  };
}

function fail(error: string): Verification {
  return { ok: false, manifestSha256: null, station: null, checked: 0, problems: [], error };
}

export const PROBLEM_LABELS: Record<PackageProblem['kind'], string> = {
  altered: '内容已被修改',
  missing: '文件缺失',
  unlisted: '清单中没有的文件',
};
