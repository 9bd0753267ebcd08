/**
 * The one permission vocabulary (`action:entity`), the role → permission table and each role's data scope.
 * 等保 2.0 三员分立: sys_admin, sec_admin and audit_admin are separate and hold no business data.
 */
export const ROLES = [
  'center_admin',
  'center_staff',
  'district',
  'host',
  'reviewer',
  'auditor',
  'sys_admin',
  'sec_admin',
  'audit_admin',
  // A new account's role until the security administrator gives it one (decision 018): it grants nothing.
  'unassigned',
] as const;
export type Role = (typeof ROLES)[number];

/** The three administrators of 三员分立: no account may hold two of them (one role per account enforces it). */
export const SEPARATED_ADMIN_ROLES: readonly Role[] = ['sys_admin', 'sec_admin', 'audit_admin'];

/**
 * Roles that reach business data: every role but the three administrators and `unassigned`. Only the security
 * administrator gives one, and only to an account whose holder has set their own password (decision 018).
 */
export function isBusinessRole(role: Role): boolean {
  return role !== 'unassigned' && !SEPARATED_ADMIN_ROLES.includes(role);
}

export const PERMISSIONS = [
  'read:program-year',
  'write:program-year',
  'read:district',
  'read:organization',
  'write:organization',
  'read:station',
  'write:station',
  'read:user',
  'write:user',
  'assign:role',
  'read:role-scope',
  'read:security-setting',
  'write:security-setting',
  'read:audit-event',
  'read:ledger',
  'write:ledger',
  'import:ledger',
  'reveal:personal-info',
  'read:call',
  'write:call',
  'read:application',
  'write:application',
  'recommend:application',
  'return:application',
  'manage:review',
  'review:application',
  'decide:application',
  'read:project',
  'manage:project',
  'write:project',
  'decide:project',
  'read:notice',
  'write:notice',
  'write:payment',
  'write:expense',
  'manage:inspection',
  'write:recovery',
  'respond:finding',
  'export:audit-package',
  'review:golden-bridge',
  'assign:auditor',
  'read:setup-checklist',
  'confirm:password-reset',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Data scope of a role: `all` — every station; `district` — stations of the account's district;
 * `station` — stations of the account's organisation (host) or assigned to it (auditor); `none` — no business data.
 */
export type Scope = 'all' | 'district' | 'station' | 'none';

export const ROLE_SCOPE: Record<Role, Scope> = {
  center_admin: 'all',
  center_staff: 'all',
  district: 'district',
  host: 'station',
  reviewer: 'none',
  auditor: 'station',
  sys_admin: 'none',
  sec_admin: 'none',
  audit_admin: 'none',
  unassigned: 'none',
};

const BUSINESS_READ: Permission[] = [
  'read:program-year',
  'read:district',
  'read:organization',
  'read:station',
  'read:ledger',
  'read:call',
  'read:project',
  'read:notice',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // The Center reads every ledger and may import one (moving a station between deployments); only the host, whose
  // work it is, records it day to day.
  center_admin: [
    ...BUSINESS_READ,
    'write:program-year',
    'write:organization',
    'write:station',
    'import:ledger',
    'reveal:personal-info',
    'write:call',
    // The lifecycle (issue #4): only the administrator decides (立项, 验收, 工作调整, 第十条–第十三条).
    'read:application',
    'return:application',
    'manage:review',
    'decide:application',
    'manage:project',
    'decide:project',
    'write:notice',
    // 定额事前直接支付 (第十五条): the Center administrator records the payment.
    'write:payment',
    'review:golden-bridge',
    // 第三方审计 (第十二条): the Center gives an auditor account its stations for a time window.
    'assign:auditor',
    // 监督检查 (第十九条); only the administrator issues and settles a recovery of funds (第十八条).
    'manage:inspection',
    'write:recovery',
    'export:audit-package',
    // 上线准备清单: what is still missing before the program can run (accounts, hosts, stations, next year's policy).
    'read:setup-checklist',
  ],
  center_staff: [
    ...BUSINESS_READ,
    'write:organization',
    'write:station',
    'read:application',
    'return:application',
    'manage:review',
    'manage:project',
    'write:notice',
    'review:golden-bridge',
    'assign:auditor',
    'manage:inspection',
    'export:audit-package',
    'read:setup-checklist',
  ],
  district: [...BUSINESS_READ, 'read:application', 'recommend:application', 'return:application'],
  host: [
    ...BUSINESS_READ,
    'write:ledger',
    'import:ledger',
    'reveal:personal-info',
    'read:application',
    'write:application',
    'write:project',
    // 支出台账 (第十四条–第十七条): the host books its own expenses, through the compliance engine.
    'write:expense',
    // 整改 (第十九条): the host reports how it rectified a finding.
    'respond:finding',
  ],
  // A reviewer sees the applications assigned to it and the notice board, nothing else (第十条).
  reviewer: [
    'read:program-year',
    'read:district',
    'read:call',
    'read:application',
    'review:application',
    'read:notice',
  ],
  // 第三方审计 (第十二条): reads everything of its assigned stations and takes an audit package of each.
  auditor: [...BUSINESS_READ, 'export:audit-package'],
  // Account administrators see names and ids of districts and hosts only (read:role-scope), no business data; the
  // setup checklist gives them counts only (how many accounts, hosts, stations), to see what is left to do.
  sys_admin: ['read:user', 'write:user', 'read:role-scope', 'read:setup-checklist'],
  // The security administrator confirms (or refuses) the system administrator's request to reset a business account's
  // password: a second person between an administrator and another person's account (decision 018).
  sec_admin: [
    'read:user',
    'assign:role',
    'read:role-scope',
    'read:security-setting',
    // 安全策略 (decision 019): lockout, password reuse and administrators' password age.
    'write:security-setting',
    'read:setup-checklist',
    'confirm:password-reset',
  ],
  audit_admin: ['read:audit-event'],
  // Signs in to set its own password and waits for a role; nothing else (decision 018).
  unassigned: [],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  center_admin: '中心管理员',
  center_staff: '中心工作人员',
  district: '区科协',
  host: '依托单位',
  reviewer: '评审专家',
  auditor: '审计人员',
  sys_admin: '系统管理员',
  sec_admin: '安全管理员',
  audit_admin: '审计管理员',
  unassigned: '待分配角色',
};

/** Roles whose account must name a district or an organisation, to define its scope. */
export function roleNeeds(role: Role): 'district' | 'organization' | null {
  if (role === 'district') return 'district';
  if (role === 'host') return 'organization';
  return null;
}
