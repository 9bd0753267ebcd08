import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationDetailDto,
  ApplicationFilter,
  ApplicationSummaryDto,
} from '../../../server/features/applications/applications.service';
import type { AssignmentDto, InspectionDto } from '../../../server/features/applications/reviews.service';
import type { Page } from '../../../server/http/paging';
import type { ApplicationForm } from '../../../shared/schemas/application';
import { api, qs, uploadFile } from '../../lib/api';

export type ApplicationSummary = ApplicationSummaryDto;
export type ApplicationDetail = ApplicationDetailDto;
export type Assignment = AssignmentDto;
export type Inspection = InspectionDto;
export type ApplicationFilters = ApplicationFilter;

export interface Reviewer {
  id: string;
  displayName: string;
  username: string;
  employerName: string | null;
}

export type RankingItem = ApplicationSummary & { rank: number | null };
export interface RankingType {
  type: ApplicationSummary['stationType'];
  label: string;
  quota: number;
  quotaArticle: string;
  approved: number;
  items: RankingItem[];
}

const base = '/api/v1/applications';
export const appPath = (id: string) => `${base}/${encodeURIComponent(id)}`;
export const fileUrl = (appId: string, fileId: string) => `${appPath(appId)}/files/${encodeURIComponent(fileId)}`;
export const photoUrl = (appId: string, inspectionId: string, fileId: string) =>
  `${appPath(appId)}/inspections/${encodeURIComponent(inspectionId)}/photos/${encodeURIComponent(fileId)}`;

export function useApplications(f: ApplicationFilters, page: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['applications', 'list', f, page],
    queryFn: () => api.get<Page<ApplicationSummary>>(`${base}${qs({ ...f, ...page })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: ['applications', 'detail', id],
    queryFn: () => api.get<ApplicationDetail>(appPath(id), { quiet: true }),
    enabled: Boolean(id),
  });
}

/** After a change: the detail is the server's answer; lists and rankings refetch. */
function useApply() {
  const qc = useQueryClient();
  return (d: ApplicationDetail) => {
    qc.setQueryData(['applications', 'detail', d.id], d);
    qc.invalidateQueries({ queryKey: ['applications', 'list'] });
    qc.invalidateQueries({ queryKey: ['applications', 'ranking'] });
  };
}

export function useCreateApplication() {
  const apply = useApply();
  return useMutation({
    mutationFn: (v: { callId: string; form: ApplicationForm }) => api.post<ApplicationDetail>(base, v, { quiet: true }),
    onSuccess: apply,
  });
}

export function useSaveApplication() {
  const apply = useApply();
  return useMutation({
    mutationFn: (v: { id: string; version: number; form: ApplicationForm }) =>
      api.put<ApplicationDetail>(appPath(v.id), { version: v.version, form: v.form }, { quiet: true }),
    onSuccess: apply,
  });
}

export type TransitionAction = 'submit' | 'withdraw' | 'return' | 'recommend' | 'start_review' | 'reject';

export function useApplicationAction() {
  const apply = useApply();
  return useMutation({
    mutationFn: (v: { id: string; action: TransitionAction; version: number; reason?: string; opinion?: string }) =>
      api.post<ApplicationDetail>(`${appPath(v.id)}/${v.action.replace('_', '-')}`, {
        version: v.version,
        ...(v.reason !== undefined ? { reason: v.reason } : {}),
        ...(v.opinion !== undefined ? { opinion: v.opinion } : {}),
      }),
    onSuccess: apply,
  });
}

export function uploadApplicationFile(
  id: string,
  purpose: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<ApplicationDetail> {
  return uploadFile<ApplicationDetail>(`${appPath(id)}/files${qs({ purpose, fileName: file.name })}`, file, {
    onProgress,
  });
}

export function useUploadApplied() {
  return useApply();
}

export function useRemoveFile() {
  const apply = useApply();
  return useMutation({
    mutationFn: (v: { id: string; fileId: string }) => api.del<ApplicationDetail>(fileUrl(v.id, v.fileId)),
    onSuccess: apply,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 评审 (第十条)

export function useApplicationReviews(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['applications', 'reviews', id],
    queryFn: () => api.get<{ items: Assignment[] }>(`${appPath(id)}/reviews`).then((r) => r.items),
    enabled,
  });
}

export function useReviewers(enabled: boolean) {
  return useQuery({
    queryKey: ['reviewers'],
    queryFn: () => api.get<{ items: Reviewer[] }>('/api/v1/reviewers').then((r) => r.items),
    enabled,
    staleTime: 60_000,
  });
}

export function useAssignReviewers(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reviewerIds: string[]) =>
      api.post<{ items: Assignment[] }>(`${appPath(id)}/reviewers`, { reviewerIds }, { quiet: true }),
    onSuccess: (r) => {
      qc.setQueryData(['applications', 'reviews', id], r.items);
      qc.invalidateQueries({ queryKey: ['applications', 'detail', id] });
    },
  });
}

export function useMyAssignments() {
  return useQuery({
    queryKey: ['review-assignments'],
    queryFn: () => api.get<{ items: Assignment[] }>('/api/v1/review-assignments').then((r) => r.items),
  });
}

function useAssignmentUpdated() {
  const qc = useQueryClient();
  return (a: Assignment) => {
    qc.setQueryData<Assignment[]>(['review-assignments'], (list) => list?.map((x) => (x.id === a.id ? a : x)));
    qc.invalidateQueries({ queryKey: ['applications', 'reviews', a.applicationId] });
  };
}

export function useDeclare() {
  const updated = useAssignmentUpdated();
  return useMutation({
    mutationFn: (v: { id: string; version: number; hasConflict: boolean; note: string }) =>
      api.post<Assignment>(
        `/api/v1/review-assignments/${encodeURIComponent(v.id)}/declaration`,
        { version: v.version, hasConflict: v.hasConflict, note: v.note },
        { quiet: true },
      ),
    onSuccess: updated,
  });
}

export function useSubmitScores() {
  const updated = useAssignmentUpdated();
  return useMutation({
    mutationFn: (v: { id: string; version: number; scores: Record<string, number>; comment: string }) =>
      api.post<Assignment>(
        `/api/v1/review-assignments/${encodeURIComponent(v.id)}/score`,
        { version: v.version, scores: v.scores, comment: v.comment },
        { quiet: true },
      ),
    onSuccess: updated,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 实地考察 (第十条)

export function useInspections(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['applications', 'inspections', id],
    queryFn: () => api.get<{ items: Inspection[] }>(`${appPath(id)}/inspections`).then((r) => r.items),
    enabled,
  });
}

export function useRecordInspection(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { inspectedOn: string; participants: string; districtParticipants: string; findings: string }) =>
      api.post<Inspection>(`${appPath(id)}/inspections`, v, { quiet: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['applications', 'inspections', id] }),
  });
}

export function uploadInspectionPhoto(
  id: string,
  inspectionId: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<Inspection> {
  return uploadFile<Inspection>(
    `${appPath(id)}/inspections/${encodeURIComponent(inspectionId)}/photos${qs({ fileName: file.name })}`,
    file,
    { onProgress },
  );
}

export function useInvalidateInspections(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['applications', 'inspections', id] });
}

// ---------------------------------------------------------------------------------------------------------------
// 排名与立项 (第十条)

export function useRanking(year: number | undefined) {
  return useQuery({
    queryKey: ['applications', 'ranking', year],
    queryFn: () =>
      api.get<{ year: number; types: RankingType[] }>(`${base}/ranking${qs({ year })}`).then((r) => r.types),
    enabled: Number.isInteger(year),
  });
}

export function useApprove() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: Array<{ id: string; version: number }>) =>
      api.post<{ approved: Array<{ applicationId: string; stationId: string; projectId: string }> }>(
        `${base}/approve`,
        { items },
      ),
    onSettled: () => {
      qc.invalidateQueries({ queryKey: ['applications'] });
      qc.invalidateQueries({ queryKey: ['stations'] });
      qc.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
