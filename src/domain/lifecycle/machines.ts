import type { Role } from '../../shared/permissions';
import type { Guard, Machine } from './machine';

// The four machines of the lifecycle (issue #4). Guards take plain facts the service gathers (dates as YYYY-MM-DD,
// counts, flags), so they stay pure and testable.

const CENTER: readonly Role[] = ['center_admin', 'center_staff'];
const CENTER_ADMIN: readonly Role[] = ['center_admin'];

const guard = <C>(holds: (c: C) => boolean, reason: string): Guard<C> => ({ holds, reason });

// ---------------------------------------------------------------------------------------------------------------
// 申报通知 (第三条: 年度项目制; 第十条: 申报)

export const CALL_STATES = ['draft', 'open', 'closed'] as const;
export type CallState = (typeof CALL_STATES)[number];
export type CallAction = 'open' | 'close';
export interface CallFacts {
  today: string;
  opensOn: string;
  closesOn: string;
}

export const callMachine: Machine<CallState, CallAction, CallFacts> = {
  name: '申报通知',
  states: CALL_STATES,
  stateLabels: { draft: '草稿', open: '申报中', closed: '已截止' },
  actionLabels: { open: '发布', close: '截止' },
  rules: [
    {
      action: 'open',
      from: ['draft'],
      to: 'open',
      roles: CENTER_ADMIN,
      article: '第三条',
      guards: [
        guard((c) => c.opensOn <= c.closesOn, '申报截止日期不能早于开始日期'),
        guard((c) => c.closesOn >= c.today, '申报截止日期已过，不能发布'),
      ],
    },
    { action: 'close', from: ['open'], to: 'closed', roles: CENTER_ADMIN, article: '第十条' },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 项目申报书: application, district recommendation (第五条、第六条), expert review and decision (第十条)

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'under_review',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export type ApplicationAction = 'submit' | 'withdraw' | 'return' | 'recommend' | 'start_review' | 'approve' | 'reject';

export interface ApplicationFacts {
  today: string;
  /** the call's last day of application */
  deadline: string;
  /** the form names no gap (the service lists the gaps) */
  complete: boolean;
  /** district stations are recommended by their district association; IUR stations go straight to review */
  recommendedByDistrict: boolean;
  /** a reason given for sending back or rejecting */
  hasReason: boolean;
  /** reviewers assigned and not recused, and the year's minimum */
  reviewers: number;
  minReviewers: number;
  /** reviewers (not recused) who have submitted their scores */
  scored: number;
  /** approved stations of the type so far and the year's quota (第六条) */
  approvedOfType: number;
  quota: number;
}

const beforeDeadline = guard<ApplicationFacts>((c) => c.today <= c.deadline, '申报已截止');
const withReason = guard<ApplicationFacts>((c) => c.hasReason, '请填写原因');

export const applicationMachine: Machine<ApplicationState, ApplicationAction, ApplicationFacts> = {
  name: '申报书',
  states: APPLICATION_STATES,
  stateLabels: {
    draft: '草稿',
    submitted: '已提交',
    returned: '已退回',
    recommended: '已推荐',
    under_review: '评审中',
    approved: '已立项',
    rejected: '未立项',
    withdrawn: '已撤回',
  },
  actionLabels: {
    submit: '提交',
    withdraw: '撤回',
    return: '退回',
    recommend: '推荐',
    start_review: '组织评审',
    approve: '批准立项',
    reject: '不予立项',
  },
  rules: [
    {
      action: 'submit',
      from: ['draft', 'returned'],
      to: 'submitted',
      roles: ['host'],
      article: '第十条',
      guards: [beforeDeadline, guard((c) => c.complete, '申报材料不完整，请按提示补全后再提交')],
    },
    {
      action: 'withdraw',
      from: ['draft', 'submitted', 'returned'],
      to: 'withdrawn',
      roles: ['host'],
      article: '第十条',
      guards: [beforeDeadline],
    },
    {
      action: 'return',
      from: ['submitted'],
      to: 'returned',
      roles: ['district', ...CENTER],
      article: '第六条',
      guards: [withReason],
    },
    {
      action: 'recommend',
      from: ['submitted'],
      to: 'recommended',
      roles: ['district'],
      article: '第六条',
      guards: [guard((c) => c.recommendedByDistrict, '产学研合作站点不经区科协推荐，由创新服务中心直接组织评审')],
    },
    {
      action: 'start_review',
      from: ['recommended'],
      to: 'under_review',
      roles: CENTER,
      article: '第十条',
      guards: [guard((c) => c.reviewers >= c.minReviewers, '评审专家人数不足（回避的专家不计）')],
    },
    {
      // IUR stations are not recommended by a district (第六条): they go to review once submitted.
      action: 'start_review',
      from: ['submitted'],
      to: 'under_review',
      roles: CENTER,
      article: '第十条',
      guards: [
        guard((c) => !c.recommendedByDistrict, '区工作站点须先经区科协推荐（第六条）再组织评审'),
        guard((c) => c.reviewers >= c.minReviewers, '评审专家人数不足（回避的专家不计）'),
      ],
    },
    {
      action: 'approve',
      from: ['under_review'],
      to: 'approved',
      roles: CENTER_ADMIN,
      article: '第十条',
      guards: [
        guard((c) => c.scored >= c.minReviewers, '评审尚未完成：完成评分的专家人数不足（回避的专家不计）'),
        guard((c) => c.approvedOfType < c.quota, '该类站点本年度名额已满'),
      ],
    },
    {
      action: 'reject',
      from: ['under_review'],
      to: 'rejected',
      roles: CENTER_ADMIN,
      article: '第十条',
      guards: [withReason],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 项目: agreement signed (第十条、第十一条), implementation, year-end reports (第十二条) and acceptance (第十三条)

export const PROJECT_STATES = [
  'agreement_pending',
  'in_progress',
  'reports_submitted',
  'returned_for_revision',
  'accepted',
  'accepted_after_rectification',
  'not_accepted',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];
export type ProjectAction =
  | 'sign'
  | 'submit_reports'
  | 'return_reports'
  | 'accept'
  | 'accept_after_rectification'
  | 'fail_acceptance';

export interface ProjectFacts {
  /** the signed agreement's scan is uploaded and both signing dates are recorded */
  signedScan: boolean;
  /** a non-empty summary report and final accounts exist (第十二条) */
  summaryReport: boolean;
  finalAccounts: boolean;
  hasReason: boolean;
}

export const projectMachine: Machine<ProjectState, ProjectAction, ProjectFacts> = {
  name: '项目',
  states: PROJECT_STATES,
  stateLabels: {
    agreement_pending: '待签协议',
    in_progress: '实施中',
    reports_submitted: '已提交验收材料',
    returned_for_revision: '验收材料已退回',
    accepted: '验收通过',
    accepted_after_rectification: '整改后通过',
    not_accepted: '验收不通过',
  },
  actionLabels: {
    sign: '登记协议签订',
    submit_reports: '提交总结报告和决算报告',
    return_reports: '退回验收材料',
    accept: '验收通过',
    accept_after_rectification: '整改后通过',
    fail_acceptance: '验收不通过',
  },
  rules: [
    {
      action: 'sign',
      from: ['agreement_pending'],
      to: 'in_progress',
      roles: CENTER,
      article: '第十条',
      guards: [guard((c) => c.signedScan, '请上传双方签字盖章的协议扫描件并填写签订日期')],
    },
    {
      action: 'submit_reports',
      from: ['in_progress', 'returned_for_revision'],
      to: 'reports_submitted',
      roles: ['host'],
      article: '第十二条',
      guards: [guard((c) => c.summaryReport, '缺少总结报告'), guard((c) => c.finalAccounts, '缺少项目决算报告')],
    },
    {
      action: 'return_reports',
      from: ['reports_submitted'],
      to: 'returned_for_revision',
      roles: CENTER,
      article: '第十三条',
      guards: [guard((c) => c.hasReason, '请填写退回原因')],
    },
    { action: 'accept', from: ['reports_submitted'], to: 'accepted', roles: CENTER_ADMIN, article: '第十三条' },
    {
      action: 'accept_after_rectification',
      from: ['reports_submitted'],
      to: 'accepted_after_rectification',
      roles: CENTER_ADMIN,
      article: '第十三条',
      guards: [guard((c) => c.hasReason, '请填写整改要求')],
    },
    {
      action: 'fail_acceptance',
      from: ['reports_submitted'],
      to: 'not_accepted',
      roles: CENTER_ADMIN,
      article: '第十三条',
      guards: [guard((c) => c.hasReason, '请填写不通过的理由')],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 工作调整 (第十一条): any change needs a paper explanation, advance notice and the Center's consent

export const CHANGE_REQUEST_STATES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeRequestState = (typeof CHANGE_REQUEST_STATES)[number];
export type ChangeRequestAction = 'submit' | 'approve' | 'reject' | 'withdraw';

export interface ChangeRequestFacts {
  today: string;
  /** the date the change should take effect */
  effectiveOn: string;
  /** the scan of the paper explanation (纸质说明) is uploaded */
  paperExplanation: boolean;
  hasReason: boolean;
}

export const changeRequestMachine: Machine<ChangeRequestState, ChangeRequestAction, ChangeRequestFacts> = {
  name: '工作调整申请',
  states: CHANGE_REQUEST_STATES,
  stateLabels: { draft: '草稿', submitted: '待审批', approved: '已批准', rejected: '未批准', withdrawn: '已撤回' },
  actionLabels: { submit: '提交', approve: '批准', reject: '不予批准', withdraw: '撤回' },
  rules: [
    {
      action: 'submit',
      from: ['draft'],
      to: 'submitted',
      roles: ['host'],
      article: '第十一条',
      guards: [
        guard((c) => c.paperExplanation, '须上传纸质说明的扫描件'),
        guard((c) => c.effectiveOn > c.today, '工作调整须提前申请：生效日期应晚于今天'),
      ],
    },
    {
      action: 'approve',
      from: ['submitted'],
      to: 'approved',
      roles: CENTER_ADMIN,
      article: '第十一条',
      guards: [guard((c) => c.effectiveOn >= c.today, '生效日期已过，请依托单位重新申请')],
    },
    {
      action: 'reject',
      from: ['submitted'],
      to: 'rejected',
      roles: CENTER_ADMIN,
      article: '第十一条',
      guards: [guard((c) => c.hasReason, '请填写不予批准的理由')],
    },
    { action: 'withdraw', from: ['draft', 'submitted'], to: 'withdrawn', roles: ['host'], article: '第十一条' },
  ],
};
