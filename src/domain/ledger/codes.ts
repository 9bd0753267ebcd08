// Codes of the ledger exchange format (docs/ledger-format.md, `qianqi-ledger/1`). They are a contract: never rename one.

export const LEDGER_FORMAT = 'qianqi-ledger/1';
export const EVALUATION_FORMAT = 'qianqi-evaluation/1';

export const SRDI_LEVELS = ['none', 'municipal', 'national'] as const;
export type SrdiLevel = (typeof SRDI_LEVELS)[number];

/**
 * 行业 of a demand, an expert, an achievement or an enterprise (issue #15): a small fixed list after Beijing's
 * 高精尖 industries, so that matching can compare two records' industries. Optional everywhere.
 */
export const INDUSTRIES = [
  'info_tech',
  'integrated_circuit',
  'ai',
  'biomedicine',
  'smart_manufacturing',
  'new_materials',
  'energy_environment',
  'new_energy_vehicles',
  'agriculture_food',
  'urban_construction',
  'culture_digital',
  'tech_services',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const CONTACT_MODES = ['visit', 'meeting', 'phone', 'online'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

export const DEMAND_STATUSES = ['collected', 'matched', 'docked', 'resolved', 'closed'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export const EXPERT_KINDS = ['commissioner', 'expert'] as const;
export type ExpertKind = (typeof EXPERT_KINDS)[number];

export const EVENT_KINDS = ['demand_collection', 'matchmaking', 'release', 'roadshow', 'training', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVIDENCE_KINDS = ['plan', 'photo', 'minutes', 'press'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
/** 第十三条: an event is evidenced by any of these; a press clipping alone is not enough. */
export const EVENT_EVIDENCE_KINDS: readonly EvidenceKind[] = ['plan', 'photo', 'minutes'];

export const PRESS_CHANNELS = ['association_website', 'other'] as const;
export type PressChannel = (typeof PRESS_CHANNELS)[number];

export const REPORT_KINDS = [
  'summary',
  'demand_analysis',
  'expert_service_mode',
  'regional_development',
  'iur_mode',
  'final_accounts',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const FUND_SOURCES = ['grant', 'matching'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/** The six arrays of a ledger that hold dated work records, with the field that dates each. */
export const DATED_RECORDS = {
  contacts: 'date',
  demands: 'collectedOn',
  events: 'date',
  pressReleases: 'date',
  cooperations: 'date',
  outcomes: 'date',
  achievements: 'collectedOn',
} as const;
