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
}

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: string;
  version: number;
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
}
