import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportReport } from '../../../server/features/ledger/ledger.service';
import type { Page } from '../../../server/http/paging';
import { RECORD_KINDS, type RecordInput, type RecordKind } from '../../../shared/schemas/ledger-records';
import { ApiError, api, apiHooks, loginPath, qs, uploadFile } from '../../lib/api';

// The records' DTOs as records.kinds.ts maps them (`toDto` there returns an untyped record, so they are spelt out
// here; keep both in step).

interface Stamp {
  id: string;
  version: number;
  updatedAt: string;
}

export interface EnterpriseRecord extends Stamp {
  enterpriseId: string;
  uscc: string;
  name: string;
  districtCode: string | null;
  hasAssociation: boolean;
  srdi: string;
  keyServed: boolean;
  /** contact records of this enterprise at the station (derived) */
  contactCount: number;
}
export interface ContactRecord extends Stamp {
  uscc: string;
  enterpriseName: string | null;
  date: string;
  mode: string;
  people: string | null;
  note: string | null;
}
export interface DemandRecord extends Stamp {
  ref: string;
  uscc: string;
  enterpriseName: string | null;
  title: string;
  collectedOn: string;
  status: string;
  matchedKind: string | null;
  matchedTo: string | null;
  matchedOn: string | null;
  dockedOn: string | null;
  resolvedOn: string | null;
  closedOn: string | null;
  note: string | null;
}
export interface ExpertRecord extends Stamp {
  ref: string;
  name: string;
  kind: string;
  employer: string | null;
  title: string | null;
  grade: string | null;
  phone: string | null;
  hostStaff: boolean;
  fiscallySupported: boolean;
  idCardMasked: string | null;
  bankAccountMasked: string | null;
  bankName: string | null;
}
export interface Evidence {
  id: string;
  kind: string;
  /** null: declared in an imported ledger, no file uploaded */
  attachmentId: string | null;
  fileName: string | null;
  mime: string | null;
  size: number | null;
}
export interface EventRecord extends Stamp {
  ref: string;
  kind: string;
  title: string;
  date: string;
  place: string | null;
  experts: Array<{ id: string; name: string }>;
  expertIds: string[];
  enterpriseUsccs: string[];
  evidence: Evidence[];
}
export interface PressReleaseRecord extends Stamp {
  title: string;
  date: string;
  channel: string;
  url: string | null;
}
export interface CooperationRecord extends Stamp {
  title: string;
  date: string;
  parties: string[];
  content: string;
  hasContent: boolean;
}
export interface OutcomeRecord extends Stamp {
  title: string;
  date: string;
  uscc: string | null;
  goldenBridge: boolean;
}
export interface AchievementRecord extends Stamp {
  title: string;
  university: string;
  collectedOn: string;
  promoted: boolean;
}
export interface ReportRecord extends Stamp {
  kind: string;
  title: string;
  submittedOn: string | null;
  /** only on the single record (GET …/reports/{id}); lists carry `excerpt` */
  text?: string;
  excerpt?: string;
  wordCount: number;
  attachmentId: string | null;
}

export interface RecordDtos {
  enterprises: EnterpriseRecord;
  contacts: ContactRecord;
  demands: DemandRecord;
  experts: ExpertRecord;
  events: EventRecord;
  'press-releases': PressReleaseRecord;
  cooperations: CooperationRecord;
  outcomes: OutcomeRecord;
  achievements: AchievementRecord;
  reports: ReportRecord;
}
export type AnyRecord = RecordDtos[RecordKind];
export type { ImportReport };

export interface RecordFilters {
  q?: string;
  from?: string;
  to?: string;
}

const sid = (stationId: string) => `/api/v1/stations/${encodeURIComponent(stationId)}`;
export const recordsPath = (stationId: string, kind: RecordKind) => `${sid(stationId)}/${kind}`;
export const attachmentUrl = (stationId: string, attachmentId: string) =>
  `${sid(stationId)}/attachments/${encodeURIComponent(attachmentId)}`;

export function useRecords<K extends RecordKind>(
  stationId: string,
  kind: K,
  f: RecordFilters,
  page: { page: number; pageSize: number },
) {
  return useQuery({
    queryKey: ['ledger', stationId, kind, f, page],
    queryFn: () => api.get<Page<RecordDtos[K]>>(`${recordsPath(stationId, kind)}${qs({ ...f, ...page })}`),
    placeholderData: keepPreviousData,
  });
}

/** One whole record (a report's full text is not in the list). */
export function useRecord<K extends RecordKind>(stationId: string, kind: K, id: string | undefined) {
  return useQuery({
    queryKey: ['ledger', stationId, kind, 'one', id],
    queryFn: () => api.get<RecordDtos[K]>(`${recordsPath(stationId, kind)}/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

/** Up to 200 records of a kind, for pickers (the station's experts at an event, its enterprises). */
export function useRecordOptions<K extends RecordKind>(stationId: string, kind: K, enabled = true) {
  return useQuery({
    queryKey: ['ledger', stationId, kind, 'options'],
    queryFn: () => api.get<Page<RecordDtos[K]>>(`${recordsPath(stationId, kind)}?pageSize=200`).then((p) => p.items),
    enabled,
    staleTime: 30_000,
  });
}

function useInvalidate(stationId: string) {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['ledger', stationId] });
    qc.invalidateQueries({ queryKey: ['kpis'] });
  };
}

export function useSaveRecord<K extends RecordKind>(stationId: string, kind: K) {
  const invalidate = useInvalidate(stationId);
  return useMutation({
    mutationFn: (v: { id?: string; version?: number; record: RecordInput<K> }) =>
      v.id
        ? api.put<RecordDtos[K]>(`${recordsPath(stationId, kind)}/${encodeURIComponent(v.id)}`, {
            version: v.version,
            record: v.record,
          })
        : api.post<RecordDtos[K]>(recordsPath(stationId, kind), v.record),
    onSuccess: invalidate,
    // A conflict means the list is stale: reload it so that the next attempt starts from the stored version.
    onError: (e) => e instanceof ApiError && e.status === 409 && invalidate(),
  });
}

export function useDeleteRecord(stationId: string, kind: RecordKind) {
  const invalidate = useInvalidate(stationId);
  return useMutation({
    mutationFn: (r: Pick<Stamp, 'id' | 'version'>) =>
      api.del<{ ok: true }>(`${recordsPath(stationId, kind)}/${encodeURIComponent(r.id)}?version=${r.version}`),
    onSettled: invalidate,
  });
}

export function useRevealSecret(stationId: string) {
  return useMutation({
    mutationFn: (v: { expertId: string; field: 'idCard' | 'bankAccount'; reason: string }) =>
      api.post<{ value: string | null }>(
        `${sid(stationId)}/experts/${encodeURIComponent(v.expertId)}/reveal`,
        { field: v.field, reason: v.reason },
        { quiet: true },
      ),
  });
}

export function useRemoveEvidence(stationId: string) {
  const invalidate = useInvalidate(stationId);
  return useMutation({
    mutationFn: (v: { eventId: string; evidenceId: string }) =>
      api.del<EventRecord>(
        `${sid(stationId)}/events/${encodeURIComponent(v.eventId)}/evidence/${encodeURIComponent(v.evidenceId)}`,
      ),
    onSettled: invalidate,
  });
}

export function uploadEvidence(
  stationId: string,
  eventId: string,
  kind: string,
  file: File,
  onProgress: (percent: number) => void,
) {
  const path = `${sid(stationId)}/events/${encodeURIComponent(eventId)}/evidence${qs({ kind, fileName: file.name })}`;
  return uploadFile<EventRecord>(path, file, { onProgress });
}

export function uploadReportDocx(
  stationId: string,
  meta: { kind: string; title: string; submittedOn?: string | null },
  file: File,
  onProgress: (percent: number) => void,
) {
  const path = `${sid(stationId)}/reports/docx${qs({ ...meta, fileName: file.name })}`;
  return uploadFile<ReportRecord>(path, file, { onProgress, quiet: true });
}

export function useInvalidateLedger(stationId: string) {
  return useInvalidate(stationId);
}

// --- Import / export of the whole ledger -----------------------------------------------------------------------

export const templatePath = (year: number) => `/api/v1/ledger-template?year=${year}`;
/** The template with the station's own details filled in (its type, district and period must match on import). */
export const stationTemplatePath = (stationId: string) =>
  `/api/v1/stations/${encodeURIComponent(stationId)}/ledger-template`;
export const ledgerJsonPath = (stationId: string) => `${sid(stationId)}/ledger`;
export const ledgerXlsxPath = (stationId: string) => `${sid(stationId)}/ledger/xlsx`;

/** An import's answer: the report, whether the server accepted the ledger or not (400 carries it too). */
export interface ImportOutcome {
  report: ImportReport | null;
  /** the refusal's message (400 with a report, 409 when the station has records, 413 …) */
  error: ApiError | null;
}

function outcomeFromError(e: unknown): ImportOutcome {
  if (!(e instanceof ApiError)) throw e;
  const body = (e as ApiError & { body?: { report?: ImportReport } }).body;
  return { report: body?.report ?? null, error: e };
}

export async function importLedgerXlsx(
  stationId: string,
  file: Blob,
  opts: { replace: boolean; dryRun: boolean; onProgress: (percent: number) => void },
): Promise<ImportOutcome> {
  const path = `${ledgerXlsxPath(stationId)}${qs({ replace: opts.replace ? 1 : 0, dryRun: opts.dryRun ? 1 : 0 })}`;
  try {
    return {
      report: await uploadFile<ImportReport>(path, file, { quiet: true, onProgress: opts.onProgress }),
      error: null,
    };
  } catch (e) {
    return outcomeFromError(e);
  }
}

/** JSON ledgers go as `{ ledger, replace, dryRun }`; XMLHttpRequest for the progress of a large file. */
export function importLedgerJson(
  stationId: string,
  ledger: unknown,
  opts: { replace: boolean; dryRun: boolean; onProgress: (percent: number) => void },
): Promise<ImportOutcome> {
  const body = JSON.stringify({ ledger, replace: opts.replace, dryRun: opts.dryRun });
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ledgerJsonPath(stationId));
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () =>
      resolve({ report: null, error: new ApiError(0, 'network', '无法连接服务器，请检查网络后重试') });
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
      resolve({ report: parsed?.report ?? null, error: new ApiError(xhr.status, code, message) });
    };
    xhr.send(body);
  });
}

/** How many records of each kind the station holds now (one page-size-1 query per kind), before an import. */
export function useLedgerTotals(stationId: string) {
  return useQueries({
    queries: RECORD_KINDS.map((kind) => ({
      queryKey: ['ledger', stationId, kind, 'total'],
      queryFn: () => api.get<Page<unknown>>(`${recordsPath(stationId, kind)}?pageSize=1`).then((p) => p.total),
    })),
    combine: (results) => ({
      pending: results.some((r) => r.isPending),
      totals: Object.fromEntries(RECORD_KINDS.map((k, i) => [k, results[i].data ?? 0])) as Record<RecordKind, number>,
    }),
  });
}
