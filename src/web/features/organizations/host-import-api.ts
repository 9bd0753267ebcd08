// 依托单位批量导入: the same file goes twice — a dry run (the preview), then, confirmed, the import.
import { useQueryClient } from '@tanstack/react-query';
import { organizationsApi } from '../../../shared/api/organizations';
import type { HostImportReport } from '../../../shared/schemas/host-import';
import { ApiError, uploadTo, urlOf } from '../../lib/api';

export const HOST_TEMPLATE_PATH = urlOf(organizationsApi.importTemplate, {});

/** What the server answered: a report, or an error that refused the file as a whole (wrong headers, type…). */
export interface HostImportOutcome {
  report: HostImportReport | null;
  error: ApiError | null;
}

export async function sendHostFile(
  file: Blob,
  opts: { dryRun: boolean; onProgress: (percent: number) => void },
): Promise<HostImportOutcome> {
  try {
    const report = await uploadTo({
      endpoint: organizationsApi.import,
      input: { query: { dryRun: opts.dryRun ? true : undefined } },
      file,
      quiet: true,
      onProgress: opts.onProgress,
    });
    return { report, error: null };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { report: null, error: e };
  }
}

/** After an import: the lists of organisations and the setup checklist change. */
export function useAfterHostImport() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['organizations'] });
    qc.invalidateQueries({ queryKey: ['setup-checklist'] });
  };
}
