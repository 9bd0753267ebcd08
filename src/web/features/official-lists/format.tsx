// How a list's flags read: the flag its kind sets, before → after, and the result of a row as a coloured tag.
import { Tag } from 'antd';
import {
  OFFICIAL_LIST_KIND_LABELS,
  OFFICIAL_LIST_KINDS,
  OFFICIAL_LIST_OUTCOME_LABELS,
  type OfficialListKind,
  type OfficialListOutcome,
} from '../../../domain/official-lists/official-lists';
import { SRDI_LABELS } from '../../../shared/labels';

export const KIND_OPTIONS = OFFICIAL_LIST_KINDS.map((value) => ({ value, label: OFFICIAL_LIST_KIND_LABELS[value] }));

/** Short names for tags and cards. */
export const KIND_SHORT: Record<OfficialListKind, string> = {
  srdi_municipal: '市级专精特新',
  srdi_national: '国家级“小巨人”',
  association: '企业科协',
};

const KIND_COLOR: Record<OfficialListKind, string> = {
  srdi_municipal: 'blue',
  srdi_national: 'gold',
  association: 'green',
};

export function KindTag({ kind }: { kind: OfficialListKind }) {
  return <Tag color={KIND_COLOR[kind]}>{KIND_SHORT[kind]}</Tag>;
}

const OUTCOME_COLOR: Record<OfficialListOutcome, string> = {
  changed: 'processing',
  unchanged: 'default',
  higher_kept: 'gold',
  unregistered: 'warning',
};

export function OutcomeTag({ status }: { status: OfficialListOutcome }) {
  return <Tag color={OUTCOME_COLOR[status]}>{OFFICIAL_LIST_OUTCOME_LABELS[status]}</Tag>;
}

interface Flags {
  srdi: string;
  hasAssociation: boolean;
}

/** The flag a list of `kind` is about, as it reads in the registry. */
export function flagText(kind: OfficialListKind, f: Flags | null): string {
  if (!f) return '—';
  if (kind === 'association') return f.hasAssociation ? '建有企业科协' : '无企业科协';
  return f.srdi === 'none' ? '非专精特新' : (SRDI_LABELS[f.srdi] ?? f.srdi);
}

/** `非专精特新 → 国家级专精特新“小巨人”`; one value when nothing changes. */
export function flagChange(kind: OfficialListKind, before: Flags | null, after: Flags | null): string {
  const b = flagText(kind, before);
  const a = flagText(kind, after);
  return b === a ? b : `${b} → ${a}`;
}
