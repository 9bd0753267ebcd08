/** Chinese labels of enum codes, one place for the UI, Excel exports and audit text. */
export const ORG_KIND_LABELS: Record<string, string> = {
  center: '市科协创新服务中心',
  district_association: '区科协',
  host: '依托单位',
};

export const HOST_KIND_LABELS: Record<string, string> = {
  society: '学会',
  association: '协会',
  alliance: '联盟',
  park_association: '园区科协',
  public_institution: '事业单位（非公益一类）',
  university_association: '高校科协/科研院所科协',
};

export const STATION_TYPE_LABELS: Record<string, string> = {
  district_a: '区工作站点（A类）',
  district_b: '区工作站点（B类）',
  iur: '产学研合作站点',
};

export const YEAR_STATUS_LABELS: Record<string, string> = {
  draft: '编辑中',
  locked: '已锁定',
};

/**
 * Every action the audit trail records (`audit.record({ action })` is typed by this map: a new action without a
 * Chinese name does not compile). Lifecycle steps carry the names of their state machines' actions.
 */
export const AUDIT_ACTION_LABELS = {
  create: '新建',
  update: '修改',
  delete: '删除',
  accept_match: '采纳对接推荐',
  lock: '锁定',
  login: '登录',
  login_failed: '登录失败',
  login_refused_locked: '锁定期间尝试登录',
  login_refused_inactive: '停用账户尝试登录',
  lockout: '账户锁定',
  logout: '退出登录',
  logout_everywhere: '退出所有设备',
  change_password: '修改密码',
  change_password_failed: '修改密码失败',
  login_rate_limited: '登录限速',
  register: '注册单位账户',
  register_rate_limited: '注册限速',
  approve_registration: '通过注册申请',
  reject_registration: '退回注册申请',
  reset_password: '重置密码',
  unlock: '解除锁定',
  assign_role: '分配角色',
  request_password_reset: '申请重置密码',
  approve_password_reset: '确认重置密码',
  reject_password_reset: '不同意重置密码',
  issue_password_reset: '领取临时密码',
  export: '导出',
  export_audit_package: '导出审计包',
  access_denied: '拒绝访问',
  assign_station: '分配站点',
  unassign_station: '取消分配站点',
  backup: '备份',
  restore: '从备份恢复',
  clean_storage: '清理文件存储',
  audit_keyed: '操作日志启用密钥',
  reveal_personal_info: '查看敏感个人信息',
  import_ledger: '导入台账',
  add_evidence: '上传佐证材料',
  remove_evidence: '删除佐证材料',
  add_file: '上传附件',
  remove_file: '删除附件',
  upload_voucher: '上传凭证',
  book: '记账',
  record_payment: '登记拨付',
  delete_payment: '删除拨付记录',
  publish: '发布',
  open: '开放',
  close: '关闭',
  reopen: '重新打开',
  submit: '提交',
  withdraw: '撤回',
  return: '退回',
  recommend: '推荐',
  start_review: '开始评审',
  assign: '指派',
  score: '评分',
  approve: '批准',
  reject: '不批准',
  sign: '签订协议',
  agreement_version: '协议新版本',
  agreement_in_force: '协议新版本生效',
  submit_reports: '提交总结与决算报告',
  return_reports: '退回报告',
  accept: '验收通过',
  accept_after_rectification: '整改后通过',
  fail_acceptance: '验收不通过',
  complete: '完成检查',
  add_finding: '登记问题',
  respond: '整改回复',
  issue: '下达',
  pay_part: '部分退回',
  pay_rest: '全部退回',
  golden_bridge_review: '金桥评审',
  declare: '声明无利益冲突',
  recuse: '声明利益冲突并回避',
  import_official_list: '导入官方名单',
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** Every kind of record the audit trail names (`audit.record({ entity })` is typed by this map). */
export const AUDIT_ENTITY_LABELS = {
  session: '会话',
  user: '账户',
  organization: '组织',
  station: '工作站点',
  program_year: '项目年度',
  audit_event: '操作日志',
  access: '访问控制',
  system: '系统',
  password_reset: '密码重置申请',
  setting: '系统设置',
  call: '申报通知',
  notice: '通知公告',
  application: '申报书',
  review: '评审',
  site_visit: '实地考察',
  project: '项目',
  change_request: '调整申请',
  station_enterprise: '服务企业',
  contact: '联系记录',
  demand: '企业需求',
  expert: '专家',
  event: '活动',
  press_release: '新闻稿',
  cooperation: '合作',
  outcome: '成果',
  achievement: '成果转化',
  report: '报告',
  expense: '支出',
  inspection: '监督检查',
  inspection_finding: '检查发现的问题',
  recovery_order: '追回通知',
  official_list: '官方名单',
} as const satisfies Record<string, string>;
export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;

// Rows keep the code written at the time: a code since retired still reads as written rather than disappearing.
export const auditActionLabel = (code: string): string => (AUDIT_ACTION_LABELS as Record<string, string>)[code] ?? code;
export const auditEntityLabel = (code: string): string => (AUDIT_ENTITY_LABELS as Record<string, string>)[code] ?? code;

/** 密码重置双人复核 (decision 018). `expired`: confirmed but not collected in time (computed, never stored). */
export const PASSWORD_RESET_STATUS_LABELS: Record<string, string> = {
  pending: '待安全管理员确认',
  approved: '已确认，待领取',
  rejected: '未同意',
  issued: '已发出临时密码',
  expired: '确认已过期',
};

// Ledger codes (docs/ledger-format.md) in Chinese: one place for pages, Excel templates and exports.
export const SRDI_LABELS: Record<string, string> = {
  none: '否',
  municipal: '市级专精特新',
  national: '国家级专精特新“小巨人”',
};

export const CONTACT_MODE_LABELS: Record<string, string> = {
  visit: '上门走访',
  meeting: '会议交流',
  phone: '电话联系',
  online: '线上联系',
};

export const INDUSTRY_LABELS: Record<string, string> = {
  info_tech: '新一代信息技术',
  integrated_circuit: '集成电路',
  ai: '人工智能',
  biomedicine: '医药健康',
  smart_manufacturing: '智能制造与装备',
  new_materials: '新材料',
  energy_environment: '节能环保与新能源',
  new_energy_vehicles: '新能源汽车与智能网联',
  agriculture_food: '现代农业与食品',
  urban_construction: '城市建设与交通',
  culture_digital: '文化科技与数字内容',
  tech_services: '科技服务与其他',
};

export const DEMAND_STATUS_LABELS: Record<string, string> = {
  collected: '已征集',
  matched: '已匹配',
  docked: '已对接',
  resolved: '已解决',
  closed: '已关闭',
};

export const MATCH_KIND_LABELS: Record<string, string> = {
  expert: '专家',
  university: '高校',
  achievement: '科技成果',
};

export const EXPERT_KIND_LABELS: Record<string, string> = {
  commissioner: '产业特派员',
  expert: '专家',
};

export const EXPERT_GRADE_LABELS: Record<string, string> = {
  academician: '院士、全国知名专家',
  senior: '高级专业技术职称',
  other: '其他专业人员',
};

export const EVENT_KIND_LABELS: Record<string, string> = {
  demand_collection: '需求征集会',
  matchmaking: '对接会',
  release: '发布会',
  roadshow: '路演',
  training: '培训',
  other: '其他活动',
};

export const EVIDENCE_KIND_LABELS: Record<string, string> = {
  plan: '活动方案',
  photo: '活动照片',
  minutes: '会议纪要',
  press: '新闻报道',
};

export const PRESS_CHANNEL_LABELS: Record<string, string> = {
  association_website: '科协网站',
  other: '其他媒体',
};

export const REPORT_KIND_LABELS: Record<string, string> = {
  summary: '总结报告',
  demand_analysis: '企业需求分析报告',
  expert_service_mode: '专家服务模式报告',
  regional_development: '区域发展报告',
  iur_mode: '产学研合作模式报告',
  final_accounts: '决算报告',
};

export const FINDING_LABELS: Record<string, string> = {
  forbidden_item: '禁止列支的支出',
  item_not_in_category: '支出事项与科目不符',
  consulting_to_host_staff: '向依托单位工作人员支付咨询费',
  labour_to_fiscal_personnel: '向财政供养人员支付劳务费',
  after_deadline: '项目期结束后列支',
  budget_overrun: '超出科目预算',
  rate_above_standard: '超出费用标准',
  unexecuted_funds: '经费未执行完毕',
  evidence_missing: '活动缺少佐证材料',
  invalid_uscc: '统一社会信用代码无效',
  outside_period: '记录日期不在项目期内',
};

/** Why a record does not count towards a KPI (the drill-down beside each record, docs/ledger-format.md counting rules). */
export const KPI_REASON_LABELS: Record<string, string> = {
  outside_period: '日期不在项目期内',
  other_district: '非本区注册企业',
  not_listed: '未列入本站点服务企业名录（无法确认所在区）',
  invalid_uscc: '统一社会信用代码无效',
  no_content: '合作内容为空',
  not_promoted: '尚未推广',
  not_website: '非科协网站发布',
  not_srdi: '非专精特新企业',
  no_contact: '项目期内无联系记录',
  empty: '报告正文为空',
  shorter: '同类报告中非最长的一份（按最长一份计字数）',
};

/** A KPI's pace for a period not yet over (src/domain/kpi/forecast.ts). */
export const PACE_STATUS_LABELS: Record<string, string> = {
  met: '达标',
  on_track: '进度正常',
  at_risk: '有风险',
  due: '期末提交',
  not_met: '未达标',
  not_started: '未开始',
};

/** A finding's severity (docs/ledger-format.md): `block` refuses, `warn` asks for attention. */
export const FINDING_SEVERITY_LABELS: Record<string, string> = {
  block: '不合规',
  warn: '需关注',
};

// ---- Funds (第十五条–第十八条) and supervision (第十九条): one set of words for the pages, the exports and the log.

export const FUND_SOURCE_LABELS = { grant: '资助经费', matching: '配套经费' } as const satisfies Record<string, string>;
export const PAYEE_KIND_LABELS = { expert: '专家', person: '个人', organization: '单位' } as const satisfies Record<
  string,
  string
>;
export const VOUCHER_KIND_LABELS = {
  invoice: '发票',
  receipt: '收据',
  transfer: '转账记录',
  other: '其他',
} as const satisfies Record<string, string>;
export const INSPECTION_KIND_LABELS = { scheduled: '计划检查', unannounced: '不定期抽查' } as const satisfies Record<
  string,
  string
>;
export const INSPECTION_STATUS_LABELS = { planned: '检查中', completed: '已完成' } as const satisfies Record<
  string,
  string
>;
export const FINDING_KIND_LABELS = { rectification: '整改要求', violation: '违规问题' } as const satisfies Record<
  string,
  string
>;
