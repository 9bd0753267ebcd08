import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { applicationsApi } from '../../../shared/api/applications';
import type {
  ApplicationDetailDto,
  ApplicationFilePurpose,
  ApplicationForm,
  ApplicationRankingDto,
  ApplicationSummaryDto,
} from '../../../shared/schemas/application';
import type { ApplicationReviewerDto, ReviewAssignmentDto, SiteVisitDto } from '../../../shared/schemas/review';
import { call, uploadTo, urlOf } from '../../lib/api';

export type ApplicationSummary = ApplicationSummaryDto;
export type ApplicationDetail = ApplicationDetailDto;
export type Assignment = ReviewAssignmentDto;
export type SiteVisit = SiteVisitDto;
export type Reviewer = ApplicationReviewerDto;
export interface ApplicationFilters {
  year?: number;
  status?: string;
  type?: string;
  districtCode?: string;
  q?: string;
  /** a key of APPLICATION_SORT_KEYS, `-key` descending */
  sort?: string;
}

export type RankingType = ApplicationRankingDto['types'][number];
export type RankingItem = RankingType['items'][number];

export const fileUrl = (applicationId: string, fileId: string) =>
  urlOf(applicationsApi.file, { params: { applicationId, fileId } });
export const photoUrl = (applicationId: string, visitId: string, fileId: string) =>
  urlOf(applicationsApi.siteVisitPhoto, { params: { applicationId, visitId, fileId } });

export function useApplications(f: ApplicationFilters, page: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['applications', 'list', f, page],
    queryFn: () => call(applicationsApi.list, { query: { ...f, ...page } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: ['applications', 'detail', id],
    queryFn: () => call(applicationsApi.get, { params: { applicationId: id } }, { quiet: true }),
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
    mutationFn: (v: { callId: string; form: ApplicationForm }) =>
      call(applicationsApi.create, { body: v }, { quiet: true }),
    onSuccess: apply,
  });
}

export function useSaveApplication() {
  const apply = useApply();
  return useMutation({
    mutationFn: (v: { id: string; version: number; form: ApplicationForm }) =>
      call(
        applicationsApi.update,
        { params: { applicationId: v.id }, body: { version: v.version, form: v.form } },
        { quiet: true },
      ),
    onSuccess: apply,
  });
}

export type TransitionAction = 'submit' | 'withdraw' | 'return' | 'recommend' | 'start_review' | 'reject';

export function useApplicationAction() {
  const apply = useApply();
  return useMutation({
    mutationFn: transition,
    onSuccess: apply,
  });
}

function transition(v: {
  id: string;
  action: TransitionAction;
  version: number;
  reason?: string;
  opinion?: string;
}): Promise<ApplicationDetail> {
  const params = { applicationId: v.id };
  const version = v.version;
  switch (v.action) {
    case 'submit':
      return call(applicationsApi.submit, { params, body: { version } });
    case 'withdraw':
      return call(applicationsApi.withdraw, { params, body: { version } });
    case 'start_review':
      return call(applicationsApi.startReview, { params, body: { version } });
    case 'return':
      return call(applicationsApi.return, { params, body: { version, reason: v.reason } });
    case 'reject':
      return call(applicationsApi.reject, { params, body: { version, reason: v.reason } });
    case 'recommend':
      // The recommendation dialog always gives an opinion; an empty one is refused by the server with its message.
      return call(applicationsApi.recommend, { params, body: { version, opinion: v.opinion ?? '' } });
  }
}

export interface UploadApplicationFileOptions {
  id: string;
  purpose: ApplicationFilePurpose;
  file: File;
  onProgress: (percent: number) => void;
}

export function uploadApplicationFile({
  id,
  purpose,
  file,
  onProgress,
}: UploadApplicationFileOptions): Promise<ApplicationDetail> {
  return uploadTo({
    endpoint: applicationsApi.uploadFile,
    input: { params: { applicationId: id }, query: { purpose, fileName: file.name } },
    file,
    onProgress,
  });
}

export function useUploadApplied() {
  return useApply();
}

export function useRemoveFile() {
  const apply = useApply();
  return useMutation({
    mutationFn: (v: { id: string; fileId: string }) =>
      call(applicationsApi.removeFile, { params: { applicationId: v.id, fileId: v.fileId } }),
    onSuccess: apply,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 评审 (第十条)

export function useApplicationReviews(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['applications', 'reviews', id],
    queryFn: () => call(applicationsApi.reviews, { params: { applicationId: id } }).then((r) => r.items),
    enabled,
  });
}

/** The reviewer pool; with an application, each reviewer's 回避 reason for it (第十条). */
export function useReviewers(enabled: boolean, applicationId?: string) {
  return useQuery({
    queryKey: ['reviewers', applicationId ?? null],
    queryFn: () => call(applicationsApi.reviewers, { query: { applicationId } }).then((r) => r.items),
    enabled,
    staleTime: 60_000,
  });
}

export function useAssignReviewers(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reviewerIds: string[]) =>
      call(applicationsApi.assignReviewers, { params: { applicationId: id }, body: { reviewerIds } }, { quiet: true }),
    onSuccess: (r) => {
      qc.setQueryData(['applications', 'reviews', id], r.items);
      qc.invalidateQueries({ queryKey: ['applications', 'detail', id] });
    },
  });
}

export function useMyAssignments() {
  return useQuery({
    queryKey: ['review-assignments'],
    queryFn: () => call(applicationsApi.myAssignments, {}).then((r) => r.items),
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
      call(
        applicationsApi.declare,
        { params: { assignmentId: v.id }, body: { version: v.version, hasConflict: v.hasConflict, note: v.note } },
        { quiet: true },
      ),
    onSuccess: updated,
  });
}

export function useSubmitScores() {
  const updated = useAssignmentUpdated();
  return useMutation({
    mutationFn: (v: { id: string; version: number; scores: Record<string, number>; comment: string }) =>
      call(
        applicationsApi.score,
        { params: { assignmentId: v.id }, body: { version: v.version, scores: v.scores, comment: v.comment } },
        { quiet: true },
      ),
    onSuccess: updated,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 实地考察 (第十条)

export function useSiteVisits(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['applications', 'site-visits', id],
    queryFn: () => call(applicationsApi.siteVisits, { params: { applicationId: id } }).then((r) => r.items),
    enabled,
  });
}

export function useRecordSiteVisit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { visitedOn: string; participants: string; districtParticipants: string; findings: string }) =>
      call(applicationsApi.recordSiteVisit, { params: { applicationId: id }, body: v }, { quiet: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['applications', 'site-visits', id] }),
  });
}

export interface UploadSiteVisitPhotoOptions {
  id: string;
  visitId: string;
  file: File;
  onProgress: (percent: number) => void;
}

export function uploadSiteVisitPhoto({
  id,
  visitId,
  file,
  onProgress,
}: UploadSiteVisitPhotoOptions): Promise<SiteVisit> {
  return uploadTo({
    endpoint: applicationsApi.uploadSiteVisitPhoto,
    input: { params: { applicationId: id, visitId }, query: { fileName: file.name } },
    file,
    onProgress,
  });
}

export function useInvalidateSiteVisits(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['applications', 'site-visits', id] });
}

// ---------------------------------------------------------------------------------------------------------------
// 排名与立项 (第十条)

export function useRanking(year: number | undefined) {
  return useQuery({
    queryKey: ['applications', 'ranking', year],
    queryFn: () => call(applicationsApi.ranking, { query: { year } }).then((r) => r.types),
    enabled: Number.isInteger(year),
  });
}

export function useApprove() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: Array<{ id: string; version: number }>) => call(applicationsApi.approve, { body: { items } }),
    onSettled: () => {
      qc.invalidateQueries({ queryKey: ['applications'] });
      qc.invalidateQueries({ queryKey: ['stations'] });
      qc.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
