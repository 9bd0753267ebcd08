import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreementTerms, TermChange } from '../../../domain/lifecycle/agreement';
import type { ChangeRequestDto } from '../../../server/features/projects/change-requests.service';
import type {
  AcceptanceDecision,
  acceptanceSheet,
  ProjectDetailDto,
  ProjectSummaryDto,
} from '../../../server/features/projects/projects.service';
import type { Page } from '../../../server/http/paging';
import { api, qs, uploadFile } from '../../lib/api';

export type ProjectSummary = ProjectSummaryDto;
export type Project = ProjectDetailDto;
export type ChangeRequest = ChangeRequestDto;
export type AcceptanceSheet = Awaited<ReturnType<typeof acceptanceSheet>>;
export type { AcceptanceDecision, TermChange };

export interface ProjectFilters {
  year?: number;
  status?: string;
  q?: string;
}

const pid = (id: string) => `/api/v1/projects/${encodeURIComponent(id)}`;
const crid = (id: string) => `/api/v1/change-requests/${encodeURIComponent(id)}`;

export const agreementDocxUrl = (projectId: string, versionNo: number) =>
  `${pid(projectId)}/agreement.docx${qs({ version: versionNo })}`;
export const acceptanceDocxPath = (projectId: string) => `${pid(projectId)}/acceptance.docx`;
export const projectFileUrl = (projectId: string, fileId: string) =>
  `${pid(projectId)}/files/${encodeURIComponent(fileId)}`;
export const changeRequestFileUrl = (crId: string, fileId: string) =>
  `${crid(crId)}/files/${encodeURIComponent(fileId)}`;

export function useProjects(f: ProjectFilters, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['projects', 'list', f, page],
    queryFn: () => api.get<Page<ProjectSummary>>(`/api/v1/projects${qs({ ...f, ...page })}`),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: ['projects', 'one', id],
    queryFn: () => api.get<Project>(pid(id), { quiet: true }),
  });
}

export function useVersionDiff(projectId: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: ['projects', 'diff', projectId, pair],
    queryFn: () => api.get<{ items: TermChange[] }>(`${pid(projectId)}/diff${qs({ ...pair })}`).then((r) => r.items),
    enabled: pair !== null,
  });
}

export function useChangeRequests(projectId: string, enabled = true) {
  return useQuery({
    queryKey: ['projects', 'change-requests', projectId],
    queryFn: () => api.get<{ items: ChangeRequest[] }>(`${pid(projectId)}/change-requests`).then((r) => r.items),
    enabled,
  });
}

export function useAcceptance(projectId: string, enabled = true) {
  return useQuery({
    queryKey: ['projects', 'acceptance', projectId],
    queryFn: () => api.get<AcceptanceSheet>(`${pid(projectId)}/acceptance`),
    enabled,
  });
}

/** After any change of a project or its requests: its page, the list, the inbox and the station (a new version). */
export function useInvalidateProjects() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['projects'] });
    qc.invalidateQueries({ queryKey: ['inbox'] });
    qc.invalidateQueries({ queryKey: ['stations'] });
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 签订 (第十条)

export function uploadSignedScan(projectId: string, file: File, onProgress: (percent: number) => void) {
  return uploadFile<Project>(`${pid(projectId)}/signed-scan${qs({ fileName: file.name })}`, file, { onProgress });
}

export function useSign(projectId: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (v: { version: number; hostSignedOn: string; centerSignedOn: string }) =>
      api.post<Project>(`${pid(projectId)}/sign`, v, { quiet: true }),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 年度总结与验收 (第十二条、第十三条)

export function useSubmitReports(projectId: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (version: number) =>
      api.post<Project>(`${pid(projectId)}/submit-reports`, { version }, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useReturnReports(projectId: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (v: { version: number; reason: string }) =>
      api.post<Project>(`${pid(projectId)}/return-reports`, v, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useDecideAcceptance(projectId: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (v: { version: number; decision: AcceptanceDecision; comment: string }) =>
      api.post<Project>(`${pid(projectId)}/acceptance`, v, { quiet: true }),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 工作调整 (第十一条)

export interface ChangeRequestPayload {
  title: string;
  reason: string;
  effectiveOn: string;
  terms: AgreementTerms;
}

export function useSaveChangeRequest(projectId: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (v: { id?: string; version?: number; input: ChangeRequestPayload }) =>
      v.id
        ? api.put<ChangeRequest>(crid(v.id), { ...v.input, version: v.version }, { quiet: true })
        : api.post<ChangeRequest>(`${pid(projectId)}/change-requests`, v.input, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function uploadPaper(crId: string, file: File, onProgress: (percent: number) => void) {
  return uploadFile<ChangeRequest>(`${crid(crId)}/paper${qs({ fileName: file.name })}`, file, { onProgress });
}

export type ChangeRequestAction = 'submit' | 'withdraw' | 'approve' | 'reject';

export function useChangeRequestAction() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (v: {
      cr: Pick<ChangeRequest, 'id' | 'version'>;
      action: ChangeRequestAction;
      reason?: string;
      /** the caller shows the error itself (a modal) */
      quiet?: boolean;
    }) =>
      api.post<ChangeRequest>(
        `${crid(v.cr.id)}/${v.action}`,
        v.action === 'approve' || v.action === 'reject'
          ? { version: v.cr.version, reason: v.reason ?? '' }
          : { version: v.cr.version },
        { quiet: v.quiet },
      ),
    onSuccess: invalidate,
  });
}
