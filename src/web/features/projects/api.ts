import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { changeRequestsApi } from '../../../shared/api/change-requests';
import { projectsApi } from '../../../shared/api/projects';
import type { CHANGE_REQUEST_ACTIONS, ChangeRequestDto } from '../../../shared/schemas/change-request';
import type {
  AcceptanceDecision,
  AgreementTermChangeDto,
  ChangeRequestInput,
  ProjectAcceptanceSheetDto,
  ProjectDetailDto,
  ProjectSummaryDto,
} from '../../../shared/schemas/project';
import { call, uploadTo, urlOf } from '../../lib/api';

export type ProjectSummary = ProjectSummaryDto;
export type Project = ProjectDetailDto;
export type ChangeRequest = ChangeRequestDto;
export type AcceptanceSheet = ProjectAcceptanceSheetDto;
export type TermChange = AgreementTermChangeDto;
export type { AcceptanceDecision };

export interface ProjectFilters {
  year?: number;
  status?: string;
  q?: string;
  /** a key of PROJECT_SORT_KEYS, `-key` descending */
  sort?: string;
}

export const agreementDocxUrl = (projectId: string, versionNo: number) =>
  urlOf(projectsApi.agreementDocx, { params: { projectId }, query: { version: versionNo } });
export const acceptanceDocxPath = (projectId: string) => urlOf(projectsApi.acceptanceDocx, { params: { projectId } });
export const projectFileUrl = (projectId: string, fileId: string) =>
  urlOf(projectsApi.file, { params: { projectId, fileId } });
export const changeRequestFileUrl = (changeRequestId: string, fileId: string) =>
  urlOf(changeRequestsApi.file, { params: { changeRequestId, fileId } });

export function useProjects(f: ProjectFilters, page: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['projects', 'list', f, page],
    queryFn: () => call(projectsApi.list, { query: { ...f, ...page } }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: ['projects', 'one', id],
    queryFn: () => call(projectsApi.get, { params: { projectId: id } }, { quiet: true }),
  });
}

export function useVersionDiff(projectId: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: ['projects', 'diff', projectId, pair],
    queryFn: () => call(projectsApi.diff, { params: { projectId }, query: { ...pair } }).then((r) => r.items),
    enabled: pair !== null,
  });
}

export function useChangeRequests(projectId: string, enabled = true) {
  return useQuery({
    queryKey: ['projects', 'change-requests', projectId],
    queryFn: () => call(changeRequestsApi.listForProject, { params: { projectId } }).then((r) => r.items),
    enabled,
  });
}

export function useAcceptance(projectId: string, enabled = true) {
  return useQuery({
    queryKey: ['projects', 'acceptance', projectId],
    queryFn: () => call(projectsApi.acceptance, { params: { projectId } }),
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
  return uploadTo({
    endpoint: projectsApi.uploadSignedScan,
    input: { params: { projectId }, query: { fileName: file.name } },
    file,
    onProgress,
  });
}

export function useSign(projectId: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (v: { version: number; hostSignedOn: string; centerSignedOn: string }) =>
      call(projectsApi.sign, { params: { projectId }, body: v }, { quiet: true }),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 年度总结与验收 (第十二条、第十三条)

export function useSubmitReports(projectId: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (version: number) =>
      call(projectsApi.submitReports, { params: { projectId }, body: { version } }, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useReturnReports(projectId: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (v: { version: number; reason: string }) =>
      call(projectsApi.returnReports, { params: { projectId }, body: v }, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useDecideAcceptance(projectId: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (v: { version: number; decision: AcceptanceDecision; comment: string }) =>
      call(projectsApi.decideAcceptance, { params: { projectId }, body: v }, { quiet: true }),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 工作调整 (第十一条)

export type ChangeRequestPayload = ChangeRequestInput;

export function useSaveChangeRequest(projectId: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    /** with `request`, saves that draft; without, creates one */
    mutationFn: (v: { request?: Pick<ChangeRequest, 'id' | 'version'> | null; input: ChangeRequestPayload }) =>
      v.request
        ? call(
            changeRequestsApi.update,
            { params: { changeRequestId: v.request.id }, body: { ...v.input, version: v.request.version } },
            { quiet: true },
          )
        : call(changeRequestsApi.create, { params: { projectId }, body: v.input }, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function uploadPaper(crId: string, file: File, onProgress: (percent: number) => void) {
  return uploadTo({
    endpoint: changeRequestsApi.uploadPaper,
    input: { params: { changeRequestId: crId }, query: { fileName: file.name } },
    file,
    onProgress,
  });
}

export type ChangeRequestAction = (typeof CHANGE_REQUEST_ACTIONS)[number];

export function useChangeRequestAction() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (v: {
      cr: Pick<ChangeRequest, 'id' | 'version'>;
      action: ChangeRequestAction;
      reason?: string;
      /** the caller shows the error itself (a modal) */
      quiet?: boolean;
    }) => {
      const params = { changeRequestId: v.cr.id };
      const opts = { quiet: v.quiet };
      return v.action === 'approve' || v.action === 'reject'
        ? call(changeRequestsApi[v.action], { params, body: { version: v.cr.version, reason: v.reason ?? '' } }, opts)
        : call(changeRequestsApi[v.action], { params, body: { version: v.cr.version } }, opts);
    },
    onSuccess: invalidate,
  });
}
