/** The ten kinds of ledger record (the ledger format's arrays), in the ledger's order, and their Chinese names. */
export const RECORD_KINDS = [
  'enterprises',
  'contacts',
  'demands',
  'experts',
  'events',
  'press-releases',
  'cooperations',
  'outcomes',
  'achievements',
  'reports',
] as const;

export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  enterprises: '服务企业',
  contacts: '联系走访',
  demands: '企业需求',
  experts: '专家与产业特派员',
  events: '活动',
  'press-releases': '新闻宣传',
  cooperations: '合作',
  outcomes: '落地成果',
  achievements: '高校创新成果',
  reports: '报告',
};
