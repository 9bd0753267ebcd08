import { DEFAULT_RUBRIC } from '../../../domain/lifecycle/review';
import type { Assignment } from './api';

/** For component tests: a reviewer who has declared no conflict and scores now, by the usual rubric (as the server sends it). */
export const ASSIGNMENT: Assignment = {
  id: 'ra1',
  applicationId: 'app1',
  stationName: '海淀区科技创新工作站',
  hostName: '北京市海淀区某学会',
  programYear: 2026,
  reviewerId: 'u1',
  reviewerName: '评审专家',
  status: 'assigned',
  statusLabel: '待评审',
  declared: true,
  conflictNote: null,
  scores: null,
  totalScore: null,
  comment: null,
  submittedAt: null,
  rubric: DEFAULT_RUBRIC.map((c) => ({ ...c })),
  deadline: '2025-07-31',
  version: 2,
};
