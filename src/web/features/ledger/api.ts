import { keepPreviousData, skipToken, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type EndpointInput, endpointUrl } from '../../../shared/api/endpoint';
import { ledgerApi } from '../../../shared/api/ledger';
import { recordsApi, revealExpertApi } from '../../../shared/api/records';
import { RECORD_KINDS } from '../../../shared/record-kinds';
import type { ImportReportDto } from '../../../shared/schemas/ledger';
import type {
  AchievementRecordDto,
  ContactRecordDto,
  CooperationRecordDto,
  DemandRecordDto,
  EnterpriseRecordDto,
  EventRecordDto,
  EvidenceDto,
  ExpertRecordDto,
  OutcomeRecordDto,
  PressReleaseRecordDto,
  RecordBody,
  RecordDto,
  RecordKind,
  RecordListItem,
  ReportListItemDto,
  ReportRecordDto,
} from '../../../shared/schemas/ledger-records';
import { ApiError, apiHooks, call, loginPath, uploadTo, urlOf } from '../../lib/api';
import { listRecords, type RecordFilters } from '../../lib/ledger-records';

// The records' DTOs are the contract's (src/shared/schemas/ledger-records.ts), as the server's `toDto` returns them.
export type EnterpriseRecord = EnterpriseRecordDto;
export type ContactRecord = ContactRecordDto;
export type DemandRecord = DemandRecordDto;
export type ExpertRecord = ExpertRecordDto;
export type Evidence = EvidenceDto;
export type EventRecord = EventRecordDto;
export type PressReleaseRecord = PressReleaseRecordDto;
export type CooperationRecord = CooperationRecordDto;
export type OutcomeRecord = OutcomeRecordDto;
export type AchievementRecord = AchievementRecordDto;
/** a whole report (one record, a saved one); a list carries `ReportListItem`, with an excerpt of the text */
export type ReportRecord = ReportRecordDto;
export type ReportListItem = ReportListItemDto;

/** A record of each kind as its list shows it. */
export type RecordItems = { [K in RecordKind]: RecordListItem<K> };
/** A whole record of each kind, as one is read or saved. */
export type RecordDtos = { [K in RecordKind]: RecordDto<K> };
export type AnyRecord = RecordItems[RecordKind];
export type ImportReport = ImportReportDto;

/** The Excel export of a kind's records under the list's filters. */
export const recordsExportUrl = (stationId: string, kind: RecordKind, f: RecordFilters) =>
  urlOf(recordsApi[kind].export, { params: { id: stationId }, query: f });
export const attachmentUrl = (stationId: string, attachmentId: string) =>
  urlOf(ledgerApi.attachment, { params: { id: stationId, attachmentId } });

export interface UseRecordsOptions<K extends RecordKind> {
  stationId: string;
  kind: K;
  filters: RecordFilters;
  page: { page: number; pageSize: number };
}

export function useRecords<K extends RecordKind>({ stationId, kind, filters: f, page }: UseRecordsOptions<K>) {
  return useQuery({
    queryKey: ['ledger', stationId, kind, f, page],
    queryFn: () => listRecords(stationId, kind, { ...f, ...page }),
    placeholderData: keepPreviousData,
  });
}

/** One whole record (a report's full text is not in the list). */
export function useRecord<K extends RecordKind>(stationId: string, kind: K, id: string | undefined) {
  return useQuery({
    queryKey: ['ledger', stationId, kind, 'one', id],
    queryFn: id
      ? (): Promise<RecordDto<K>> => call(recordsApi[kind].get, { params: { id: stationId, recordId: id } })
      : skipToken,
  });
}

function useInvalidate(stationId: string) {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['ledger', stationId] });
    qc.invalidateQueries({ queryKey: ['kpis'] });
  };
}

/** A new record, or a change to the version the user edited. */
export type SaveRecord<K extends RecordKind> =
  | { id?: undefined; record: RecordBody<K> }
  | { id: string; version: number; record: RecordBody<K> };

export function useSaveRecord<K extends RecordKind>(stationId: string, kind: K) {
  const invalidate = useInvalidate(stationId);
  const api = recordsApi[kind];
  return useMutation({
    mutationFn: (v: SaveRecord<K>): Promise<RecordDto<K>> =>
      v.id
        ? call(api.update, {
            params: { id: stationId, recordId: v.id },
            body: { version: v.version, record: v.record },
          })
        : call(api.create, { params: { id: stationId }, body: v.record }),
    onSuccess: invalidate,
    // A conflict means the list is stale: reload it so that the next attempt starts from the stored version.
    onError: (e) => e instanceof ApiError && e.status === 409 && invalidate(),
  });
}

export function useDeleteRecord(stationId: string, kind: RecordKind) {
  const invalidate = useInvalidate(stationId);
  return useMutation({
    mutationFn: (r: { id: string; version: number }) =>
      call(recordsApi[kind].remove, { params: { id: stationId, recordId: r.id }, query: { version: r.version } }),
    onSettled: invalidate,
  });
}

export function useRevealSecret(stationId: string) {
  return useMutation({
    mutationFn: (v: { expertId: string; field: 'idCard' | 'bankAccount'; reason: string }) =>
      call(
        revealExpertApi,
        { params: { id: stationId, recordId: v.expertId }, body: { field: v.field, reason: v.reason } },
        { quiet: true },
      ),
  });
}

export function useRemoveEvidence(stationId: string) {
  const invalidate = useInvalidate(stationId);
  return useMutation({
    mutationFn: (v: { eventId: string; evidenceId: string }) =>
      call(ledgerApi.removeEvidence, { params: { id: stationId, recordId: v.eventId, evidenceId: v.evidenceId } }),
    onSettled: invalidate,
  });
}

export interface UploadEvidenceOptions {
  stationId: string;
  eventId: string;
  kind: Evidence['kind'];
  file: File;
  onProgress: (percent: number) => void;
}

export function uploadEvidence({ stationId, eventId, kind, file, onProgress }: UploadEvidenceOptions) {
  return uploadTo({
    endpoint: ledgerApi.addEvidence,
    input: { params: { id: stationId, recordId: eventId }, query: { kind, fileName: file.name } },
    file,
    onProgress,
  });
}

export interface UploadReportDocxOptions {
  stationId: string;
  meta: { kind: ReportRecord['kind']; title: string; submittedOn?: string | null };
  file: File;
  onProgress: (percent: number) => void;
}

export function uploadReportDocx({ stationId, meta, file, onProgress }: UploadReportDocxOptions) {
  return uploadTo({
    endpoint: ledgerApi.reportDocx,
    input: { params: { id: stationId }, query: { ...meta, fileName: file.name } },
    file,
    onProgress,
    quiet: true,
  });
}

export function useInvalidateLedger(stationId: string) {
  return useInvalidate(stationId);
}

// --- Import / export of the whole ledger -----------------------------------------------------------------------

export const templatePath = (year: number) => urlOf(ledgerApi.template, { query: { year } });
/** The template with the station's own details filled in (its type, district and period must match on import). */
export const stationTemplatePath = (stationId: string) =>
  urlOf(ledgerApi.stationTemplate, { params: { id: stationId } });
export const ledgerJsonPath = (stationId: string) => urlOf(ledgerApi.exportJson, { params: { id: stationId } });
export const ledgerXlsxPath = (stationId: string) => urlOf(ledgerApi.exportXlsx, { params: { id: stationId } });

/** An import's answer: the report, whether the server accepted the ledger or not (400 carries it too). */
export interface ImportOutcome {
  report: ImportReport | null;
  /** the refusal's message (400 with a report, 409 when the station has records, 413 …) */
  error: ApiError | null;
}

export interface ImportOptions {
  /** false: merge by natural keys (the default); true: also delete what the file no longer lists */
  replace: boolean;
  dryRun: boolean;
  /** the preview's `ledgerVersion`: the server refuses (409) if the ledger changed since */
  expectedVersion?: number;
  onProgress: (percent: number) => void;
}

function outcomeFromError(e: unknown): ImportOutcome {
  if (!(e instanceof ApiError)) throw e;
  const body = (e as ApiError & { body?: { report?: ImportReport } }).body;
  return { report: body?.report ?? null, error: e };
}

export async function importLedgerXlsx(stationId: string, file: Blob, opts: ImportOptions): Promise<ImportOutcome> {
  const query = { replace: opts.replace, dryRun: opts.dryRun, expectedVersion: opts.expectedVersion };
  try {
    return {
      report: await uploadTo({
        endpoint: ledgerApi.importXlsx,
        input: { params: { id: stationId }, query },
        file,
        quiet: true,
        onProgress: opts.onProgress,
      }),
      error: null,
    };
  } catch (e) {
    return outcomeFromError(e);
  }
}

/** JSON ledgers go as `{ ledger, replace, dryRun }`; XMLHttpRequest for the progress of a large file. */
export function importLedgerJson(stationId: string, ledger: unknown, opts: ImportOptions): Promise<ImportOutcome> {
  const input: EndpointInput<typeof ledgerApi.importJson>['body'] = {
    ledger,
    replace: opts.replace,
    dryRun: opts.dryRun,
    expectedVersion: opts.expectedVersion,
  };
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', endpointUrl(ledgerApi.importJson, { params: { id: stationId } }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () =>
      resolve({
        report: null,
        error: new ApiError({ status: 0, code: 'network', message: '无法连接服务器，请检查网络后重试' }),
      });
    xhr.onload = () => {
      let parsed: { report?: ImportReport; error?: { code?: string; message?: string } } | null = null;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: a proxy's error page
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ report: parsed as ImportReport, error: null });
        return;
      }
      if (xhr.status === 401) apiHooks.navigate(loginPath());
      const message =
        parsed?.error?.message ??
        (xhr.status === 413 ? '文件过大，服务器拒绝接收' : `导入失败（${xhr.status}），请稍后重试或联系管理员`);
      const code = (parsed?.error?.code ?? 'internal') as ApiError['code'];
      resolve({ report: parsed?.report ?? null, error: new ApiError({ status: xhr.status, code, message }) });
    };
    xhr.send(JSON.stringify(input));
  });
}

/** How many records of each kind the station holds now (one page-size-1 query per kind), before an import. */
export function useLedgerTotals(stationId: string) {
  return useQueries({
    queries: RECORD_KINDS.map((kind) => ({
      queryKey: ['ledger', stationId, kind, 'total'],
      queryFn: () => listRecords(stationId, kind, { pageSize: 1 }).then((p) => p.total),
    })),
    combine: (results) => ({
      pending: results.some((r) => r.isPending),
      totals: Object.fromEntries(RECORD_KINDS.map((k, i) => [k, results[i].data ?? 0])) as Record<RecordKind, number>,
    }),
  });
}
