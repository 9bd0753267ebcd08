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

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
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
  reset_password: '重置密码',
  unlock: '解除锁定',
  assign_role: '分配角色',
  export: '导出',
  access_denied: '拒绝访问',
  assign_station: '分配站点',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  session: '会话',
  user: '账户',
  organization: '组织',
  station: '工作站点',
  program_year: '项目年度',
  audit_event: '操作日志',
  access: '访问控制',
};
