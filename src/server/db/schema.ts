/** Table types for Kysely. Portable subset: text ids (UUIDv7), 0/1 booleans, ISO text dates, integer fen. */
export interface ProgramYearTable {
  year: number;
  policy_json: string;
  status: 'draft' | 'locked';
  locked_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OrganizationTable {
  id: string;
  kind: 'center' | 'district_association' | 'host';
  host_kind: string | null;
  name: string;
  uscc: string | null;
  district_code: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  address: string | null;
  is_active: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface StationTable {
  id: string;
  program_year: number;
  type: 'district_a' | 'district_b' | 'iur';
  district_code: string | null;
  host_org_id: string;
  name: string;
  period_start: string;
  period_end: string;
  leader_name: string;
  leader_phone: string;
  contact_name: string;
  contact_phone: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** raised by every ledger write (KPI cache key) */
  ledger_version: number;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  organization_id: string | null;
  district_code: string | null;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  is_active: number;
  last_login_at: string | null;
  password_changed_at: string | null;
  /** reviewers only: the employer, to block a review of one's own organisation (第十条) */
  employer_name?: string | null;
  employer_uscc?: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UserStationTable {
  user_id: string;
  station_id: string;
  valid_from: string | null;
  valid_to: string | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  ip: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  summary: string;
  diff_json: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** The first seq hashed with AUDIT_KEY (HMAC); earlier rows are plain SHA-256 (decision 017). */
  keyed_from: number | null;
}

/** A station's ledger as it was before an import replaced it; the blob is its `qianqi-ledger/1` JSON. */
export interface LedgerSnapshotTable {
  id: string;
  station_id: string;
  sha256: string;
  size: number;
  reason: string;
  created_at: string;
  created_by: string | null;
}

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: string;
  version: number;
}

interface Stamps {
  created_at: string;
  updated_at: string;
  version: number;
}

export interface EnterpriseTable extends Stamps {
  id: string;
  uscc: string;
  name: string;
  district_code: string;
  has_association: number;
  srdi: 'none' | 'municipal' | 'national';
  industry: string | null;
}

export interface EnterpriseHistoryTable {
  id: string;
  enterprise_id: string;
  changed_at: string;
  actor_name: string | null;
  name: string;
  district_code: string;
  has_association: number;
  srdi: string;
  /** the official list (官方名单) this change applied, if one did (migration 017) */
  source_list_id?: string | null;
}

export interface StationEnterpriseTable extends Stamps {
  id: string;
  station_id: string;
  enterprise_id: string;
  key_served: number;
}

export interface ContactTable extends Stamps {
  id: string;
  station_id: string;
  uscc: string;
  date: string;
  mode: string;
  people: string | null;
  note: string | null;
}

export interface DemandTable extends Stamps {
  id: string;
  station_id: string;
  ref: string;
  uscc: string;
  title: string;
  collected_on: string;
  status: string;
  matched_kind: string | null;
  matched_to: string | null;
  matched_on: string | null;
  docked_on: string | null;
  resolved_on: string | null;
  closed_on: string | null;
  note: string | null;
  description: string | null;
  industry: string | null;
  match_target_id: string | null;
  match_station_id: string | null;
}

export interface ExpertTable extends Stamps {
  id: string;
  station_id: string;
  ref: string;
  name: string;
  kind: string;
  employer: string | null;
  title: string | null;
  grade: string | null;
  phone: string | null;
  host_staff: number;
  fiscally_supported: number;
  id_card_enc: string | null;
  id_card_masked: string | null;
  bank_account_enc: string | null;
  bank_account_masked: string | null;
  bank_name: string | null;
  expertise: string | null;
  industry: string | null;
}

export interface EventTable extends Stamps {
  id: string;
  station_id: string;
  ref: string;
  kind: string;
  title: string;
  date: string;
  place: string | null;
}

export interface EventExpertTable {
  event_id: string;
  expert_id: string;
}

export interface EventEnterpriseTable {
  event_id: string;
  uscc: string;
}

export interface AttachmentTable {
  id: string;
  station_id: string;
  sha256: string;
  size: number;
  mime: string;
  file_name: string;
  created_at: string;
  created_by: string | null;
}

export interface EventEvidenceTable {
  id: string;
  event_id: string;
  kind: string;
  attachment_id: string | null;
  created_at: string;
}

export interface PressReleaseTable extends Stamps {
  id: string;
  station_id: string;
  title: string;
  date: string;
  channel: string;
  url: string | null;
}

export interface CooperationTable extends Stamps {
  id: string;
  station_id: string;
  title: string;
  date: string;
  parties_json: string;
  content: string;
  has_content: number;
}

export interface OutcomeTable extends Stamps {
  id: string;
  station_id: string;
  title: string;
  date: string;
  uscc: string | null;
  golden_bridge: number;
}

export interface AchievementTable extends Stamps {
  id: string;
  station_id: string;
  title: string;
  university: string;
  collected_on: string;
  promoted: number;
  summary: string | null;
  industry: string | null;
}

export interface MatchDocTable {
  doc_key: string;
  kind: 'expert' | 'achievement' | 'demand';
  record_id: string;
  station_id: string;
  program_year: number;
  station_type: string;
  industry: string | null;
  district_code: string | null;
  length: number;
}

export interface MatchTermTable {
  doc_key: string;
  program_year: number;
  station_id: string;
  station_type: string;
  kind: 'expert' | 'achievement' | 'demand';
  term: string;
  tf: number;
  doc_length: number;
}

export interface MatchDfTable {
  program_year: number;
  kind: 'expert' | 'achievement' | 'demand';
  term: string;
  df: number;
}

export interface MatchStatsTable {
  program_year: number;
  kind: 'expert' | 'achievement' | 'demand';
  docs: number;
  total_length: number;
}

export interface MatchIndexStateTable {
  station_id: string;
  ledger_version: number;
}

export interface ReportTable extends Stamps {
  id: string;
  station_id: string;
  kind: string;
  title: string;
  submitted_on: string | null;
  text: string;
  word_count: number;
  attachment_id: string | null;
}

export interface CallTable extends Stamps {
  id: string;
  program_year: number;
  title: string;
  opens_on: string;
  closes_on: string;
  station_types_json: string;
  required_documents_json: string;
  min_reviewers: number;
  notice: string;
  status: 'draft' | 'open' | 'closed';
  opened_at: string | null;
  closed_at: string | null;
  /** the year's review rubric, JSON `RubricCriterion[]`; null: the default rubric */
  rubric_json?: string | null;
  /** due date of the summary report and final accounts (第十二条); null: 31 December of the year */
  reports_due_on?: string | null;
}

export interface ApplicationTable extends Stamps {
  id: string;
  call_id: string;
  program_year: number;
  host_org_id: string;
  station_type: 'district_a' | 'district_b' | 'iur';
  district_code: string | null;
  status: 'draft' | 'submitted' | 'returned' | 'recommended' | 'under_review' | 'approved' | 'rejected' | 'withdrawn';
  form_json: string;
  district_opinion: string | null;
  return_reason: string | null;
  decision_reason: string | null;
  submitted_at: string | null;
  recommended_at: string | null;
  decided_at: string | null;
  station_id: string | null;
}

export interface LifecycleFileTable {
  id: string;
  owner_kind: 'application' | 'site_visit' | 'project' | 'change_request';
  owner_id: string;
  purpose: string;
  sha256: string;
  size: number;
  mime: string;
  file_name: string;
  created_at: string;
  created_by: string | null;
}

export interface ReviewAssignmentTable extends Stamps {
  id: string;
  application_id: string;
  reviewer_id: string;
  status: 'assigned' | 'recused' | 'submitted';
  conflict_note: string | null;
  declared_at: string | null;
  scores_json: string | null;
  total_score: number | null;
  comment: string | null;
  submitted_at: string | null;
}

export interface SiteVisitTable extends Stamps {
  id: string;
  application_id: string;
  visited_on: string;
  participants: string;
  district_participants: string;
  findings: string;
  created_by: string | null;
}

export interface ProjectTable extends Stamps {
  id: string;
  station_id: string;
  /** null for a station the Center registered directly (before the platform) */
  application_id: string | null;
  program_year: number;
  status:
    | 'agreement_pending'
    | 'in_progress'
    | 'reports_submitted'
    | 'returned_for_revision'
    | 'accepted'
    | 'accepted_after_rectification'
    | 'not_accepted';
  host_signed_on: string | null;
  center_signed_on: string | null;
  signed_file_id: string | null;
  reports_due_on: string;
  reports_submitted_at: string | null;
  return_reason: string | null;
  acceptance_comment: string | null;
  decided_at: string | null;
}

export interface AgreementVersionTable {
  id: string;
  project_id: string;
  version_no: number;
  terms_json: string;
  change_request_id: string | null;
  effective_on: string;
  created_at: string;
  created_by: string | null;
  /** when the station took these terms; null while an approved change waits for its effective date */
  applied_at?: string | null;
}

export interface ChangeRequestTable extends Stamps {
  id: string;
  project_id: string;
  status: 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
  title: string;
  reason: string;
  base_version_no: number;
  proposed_terms_json: string;
  effective_on: string;
  decision_reason: string | null;
  submitted_at: string | null;
  decided_at: string | null;
}

export interface NoticeTable {
  id: string;
  kind: 'call' | 'result' | 'general';
  title: string;
  body: string;
  program_year: number | null;
  published_at: string;
  published_by: string | null;
}

/** One row per scheduled job: the instance running it and until when (migration 011). */
export interface JobLeaseTable {
  name: string;
  holder: string | null;
  expires_at: string;
  finished_at: string | null;
}

/** A fixed-window attempt counter per key, shared by all instances (migration 011). */
export interface RateLimitTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface ReminderTable {
  key: string;
  audience_role: string;
  audience_org_id: string | null;
  audience_district: string | null;
  audience_user_id: string | null;
  title: string;
  due_on: string;
  link: string;
  created_at: string;
}

export interface HostRegistrationTable {
  id: string;
  organization_id: string;
  user_id: string;
  call_id: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  ip: string | null;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  version: number;
}

export interface FundPaymentTable {
  id: string;
  station_id: string;
  paid_on: string;
  amount_fen: number;
  voucher_attachment_id: string;
  note: string | null;
  created_at: string;
  created_by: string | null;
  version: number;
}

export interface GoldenBridgeReviewTable {
  outcome_id: string;
  station_id: string;
  recommended: number;
  comment: string;
  reviewed_at: string;
  reviewed_by: string | null;
  version: number;
}

export interface ExpenseTable {
  id: string;
  station_id: string;
  /** the ledger id (X1, X2 …), unique in the station */
  ref: string;
  date: string;
  category: string;
  item: string;
  amount_fen: number;
  source: string;
  payee_kind: string;
  payee_name: string;
  payee_expert_id: string | null;
  payee_host_staff: number;
  payee_fiscally_supported: number;
  days: string | null;
  net_fen: number | null;
  tax_fen: number | null;
  purpose: string | null;
  warnings_json: string;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  version: number;
}

export interface ExpenseVoucherTable {
  id: string;
  expense_id: string;
  kind: string;
  attachment_id: string;
  created_at: string;
}

export interface StationBudgetTable {
  station_id: string;
  granted_fen: number;
  budget_json: string;
  updated_at: string;
  version: number;
}

export interface InspectionTable {
  id: string;
  program_year: number;
  title: string;
  kind: string;
  planned_on: string;
  status: string;
  sample_note: string | null;
  summary: string | null;
  completed_on: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  version: number;
}

export interface InspectionTargetTable {
  id: string;
  inspection_id: string;
  station_id: string;
  expense_id: string | null;
}

export interface InspectionFindingTable {
  id: string;
  inspection_id: string;
  station_id: string;
  kind: string;
  ground: string | null;
  description: string;
  due_on: string | null;
  expense_id: string | null;
  status: string;
  response: string | null;
  responded_at: string | null;
  closing_note: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RecoveryOrderTable {
  id: string;
  station_id: string;
  finding_id: string;
  ground: string;
  amount_fen: number;
  paid_fen: number;
  due_on: string;
  responsible_person: string;
  status: string;
  closing_note: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  version: number;
}

export interface RecoveryPaymentTable {
  id: string;
  order_id: string;
  paid_on: string;
  amount_fen: number;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

/** 密码重置双人复核 (decision 018): the system administrator asks, the security administrator confirms or refuses. */
export interface PasswordResetTable {
  id: string;
  user_id: string;
  reason: string;
  /** pending → approved → issued, or pending → rejected */
  status: string;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  issued_at: string | null;
  version: number;
}

/** 口令策略 (decision 019): a password the account's holder set, kept (newest first) so that it is not set again. */
export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: string;
}

/** 官方名单 (migration 017): an official list the Center imported, 第七条's 专精特新 or 企业科协 flags. */
export interface OfficialListTable {
  id: string;
  kind: 'srdi_municipal' | 'srdi_national' | 'association';
  name: string;
  effective_on: string;
  file_name: string;
  sha256: string;
  created_at: string;
  created_by: string | null;
  actor_name: string | null;
}

/** One enterprise of an official list; `enterprise_id` null: not in the registry when imported (未在台账中). */
export interface OfficialListEntryTable {
  id: string;
  list_id: string;
  row_no: number;
  uscc: string;
  name: string;
  enterprise_id: string | null;
  status: 'changed' | 'unchanged' | 'higher_kept' | 'unregistered';
  /** the registry's flags before the import */
  srdi: string | null;
  has_association: number | null;
}

export interface DB {
  program_years: ProgramYearTable;
  organizations: OrganizationTable;
  stations: StationTable;
  users: UserTable;
  user_stations: UserStationTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  settings: SettingTable;
  enterprises: EnterpriseTable;
  enterprise_history: EnterpriseHistoryTable;
  station_enterprises: StationEnterpriseTable;
  contacts: ContactTable;
  demands: DemandTable;
  experts: ExpertTable;
  events: EventTable;
  event_experts: EventExpertTable;
  event_enterprises: EventEnterpriseTable;
  attachments: AttachmentTable;
  event_evidence: EventEvidenceTable;
  press_releases: PressReleaseTable;
  cooperations: CooperationTable;
  outcomes: OutcomeTable;
  achievements: AchievementTable;
  reports: ReportTable;
  match_docs: MatchDocTable;
  match_terms: MatchTermTable;
  match_index_state: MatchIndexStateTable;
  match_df: MatchDfTable;
  match_stats: MatchStatsTable;
  calls: CallTable;
  applications: ApplicationTable;
  lifecycle_files: LifecycleFileTable;
  review_assignments: ReviewAssignmentTable;
  site_visits: SiteVisitTable;
  projects: ProjectTable;
  agreement_versions: AgreementVersionTable;
  change_requests: ChangeRequestTable;
  notices: NoticeTable;
  reminders: ReminderTable;
  job_leases: JobLeaseTable;
  rate_limits: RateLimitTable;
  host_registrations: HostRegistrationTable;
  fund_payments: FundPaymentTable;
  golden_bridge_reviews: GoldenBridgeReviewTable;
  expenses: ExpenseTable;
  expense_vouchers: ExpenseVoucherTable;
  station_budgets: StationBudgetTable;
  inspections: InspectionTable;
  inspection_targets: InspectionTargetTable;
  inspection_findings: InspectionFindingTable;
  recovery_orders: RecoveryOrderTable;
  recovery_payments: RecoveryPaymentTable;
  ledger_snapshots: LedgerSnapshotTable;
  password_resets: PasswordResetTable;
  password_history: PasswordHistoryTable;
  official_lists: OfficialListTable;
  official_list_entries: OfficialListEntryTable;
}
