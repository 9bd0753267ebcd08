// 官方名单: the lists imported, a list's entries, an enterprise's trace, and the import (a preview, then the same
// file again with the preview's token). Only through the typed client and the endpoints of src/shared/api.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OfficialListKind } from '../../../domain/official-lists/official-lists';
import { ledgerApi } from '../../../shared/api/ledger';
import { officialListsApi } from '../../../shared/api/official-lists';
import type {
  OfficialListDto,
  OfficialListEntryDto,
  OfficialListImportReportDto,
} from '../../../shared/schemas/official-lists';
import { ApiError, call, uploadTo, urlOf } from '../../lib/api';

export type OfficialList = OfficialListDto;
export type OfficialListEntry = OfficialListEntryDto;
export type ImportReport = OfficialListImportReportDto;

export const TEMPLATE_PATH = urlOf(officialListsApi.template, {});

export interface ListFilters {
  kind?: OfficialListKind;
  q?: string;
}

interface Paging {
  page: number;
  pageSize: number;
}

export function useOfficialLists(f: ListFilters, paging: Paging) {
  return useQuery({
    queryKey: ['official-lists', f, paging],
    queryFn: () => call(officialListsApi.list, { query: { kind: f.kind, q: f.q, ...paging } }),
    placeholderData: keepPreviousData,
  });
}

export interface EntryFilters {
  listId?: string;
  uscc?: string;
  status?: OfficialListEntry['status'];
  q?: string;
}

export function useOfficialListEntries(f: EntryFilters, paging: Paging, enabled = true) {
  return useQuery({
    queryKey: ['official-list-entries', f, paging],
    queryFn: () =>
      call(officialListsApi.entries, {
        query: { listId: f.listId, uscc: f.uscc, status: f.status, q: f.q, ...paging },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** An enterprise's registration and flag history; null when the code is not in the registry. */
export function useEnterpriseLookup(uscc: string | undefined) {
  return useQuery({
    queryKey: ['enterprise-lookup', uscc],
    queryFn: async () => {
      try {
        return await call(ledgerApi.enterpriseLookup, { query: { uscc: uscc! } }, { quiet: true });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    enabled: Boolean(uscc),
  });
}

export interface ImportForm {
  kind: OfficialListKind;
  name: string;
  effectiveOn: string;
}

/** What the server answered: a report, or an error that refused the file or the import as a whole. */
export interface ImportOutcome {
  report: ImportReport | null;
  error: ApiError | null;
}

export async function sendList(opts: {
  file: File;
  form: ImportForm;
  /** the preview's token: present, the list is imported */
  token?: string;
  onProgress: (percent: number) => void;
}): Promise<ImportOutcome> {
  try {
    const report = await uploadTo({
      endpoint: officialListsApi.import,
      input: {
        query: {
          kind: opts.form.kind,
          name: opts.form.name,
          effectiveOn: opts.form.effectiveOn,
          fileName: opts.file.name,
          dryRun: opts.token ? undefined : true,
          token: opts.token,
        },
      },
      file: opts.file,
      quiet: true,
      onProgress: opts.onProgress,
    });
    return { report, error: null };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { report: null, error: e };
  }
}

/** After an import: the lists, the entries, the registry and every KPI may have changed. */
export function useAfterImport() {
  const qc = useQueryClient();
  return () => {
    for (const key of [
      'official-lists',
      'official-list-entries',
      'enterprise-lookup',
      'enterprises',
      'ledger',
      'kpis',
    ]) {
      qc.invalidateQueries({ queryKey: [key] });
    }
  };
}
