import { maskSecret } from '../../../domain/id-card';
import { formatFen } from '../../../domain/lifecycle/application-rules';
import { changeRequestMachine, projectMachine } from '../../../domain/lifecycle/machines';
import { isPhoneField, maskPhone } from '../../../domain/phone';
import type { Policy } from '../../../domain/policy/types';
import { auditFieldLabel } from '../../../shared/audit-field-labels';
import { FUND_SOURCE_LABELS, HOST_KIND_LABELS, PAYEE_KIND_LABELS, STATION_TYPE_LABELS } from '../../../shared/labels';
import { RECORD_KIND_LABELS } from '../../../shared/record-kinds';
import type { RecordChangeDto } from '../../../shared/schemas/record-history';

// An audit row's diff as the people who work with the record read it: one line per changed field, nested terms
// (an agreement, a change request's proposal) opened into their own lines, values as display text. The audit trail
// masks telephone numbers and replaces secrets when it writes, but only at the top level of a diff: an agreement's
// `leaderPhone` inside `agreement` or `proposed` is kept whole there, so every value is masked again here, at any depth,
// before it leaves the server.

type Diff = Record<string, { before?: unknown; after?: unknown }>;

/** One side of a change: whether the record had the field in that state (not on creation or deletion), and its value. */
interface Side {
  has: boolean;
  v: unknown;
}

/**
 * Keys a reader learns nothing from: bookkeeping every write bumps, when and by whom the record was made (the entry
 * itself says it), and the record's own id and the record it belongs to (the page it is read on).
 */
const SKIPPED = new Set([
  'id',
  'ledger_version',
  'updated_at',
  'version',
  'created_at',
  'created_by',
  'station_id',
  'project_id',
]);

/** The agreement's terms (src/domain/lifecycle/agreement.ts) as its pages name them. */
const TERM_LABELS: Record<string, string> = {
  stationName: '站点名称',
  stationType: '站点类型',
  districtCode: '所在区',
  periodStart: '执行期开始',
  periodEnd: '执行期结束',
  leaderName: '负责人',
  leaderPhone: '负责人电话',
  contactName: '联系人',
  contactPhone: '联系人电话',
  targets: '目标',
  budgetFen: '预算',
  matchingFundsFen: '配套经费',
  activityPlan: '活动计划',
};

/** A ledger import's counts (per sheet: added, updated, deleted), under the kinds' Chinese names. */
const COUNT_LABELS: Record<string, string> = {
  ...RECORD_KIND_LABELS,
  pressReleases: RECORD_KIND_LABELS['press-releases'],
  expenses: '经费支出',
  station: '站点信息',
  added: '新增',
  updated: '更新',
  deleted: '删除',
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  type: STATION_TYPE_LABELS,
  station_type: STATION_TYPE_LABELS,
  stationType: STATION_TYPE_LABELS,
  source: FUND_SOURCE_LABELS,
  payee_kind: PAYEE_KIND_LABELS,
  host_kind: HOST_KIND_LABELS,
};

/** The names of the program year's codes: KPI targets, expense categories and items, districts. */
export interface Vocabulary {
  kpis: Map<string, { name: string; share: boolean }>;
  categories: Map<string, string>;
  items: Map<string, string>;
  districts: Map<string, string>;
  /** the records an entry refers to by id (`host_org_id`, `payee_expert_id`), by their names */
  records?: Map<string, string>;
}

/** The keys that hold another record's id, whose name the entry shows instead (see `referencedIds`). */
export const REFERENCE_KEYS = new Set(['host_org_id', 'organization_id', 'payee_expert_id', 'hostOrgId']);

/** The ids an audit row's diff refers to, for the caller to look their names up before `changesOf`. */
export function referencedIds(diffJson: string): string[] {
  let diff: Diff;
  try {
    diff = JSON.parse(diffJson) as Diff;
  } catch {
    return [];
  }
  const ids: string[] = [];
  for (const [key, change] of Object.entries(diff ?? {})) {
    if (!REFERENCE_KEYS.has(key) || !isPlainObject(change)) continue;
    for (const v of [change.before, change.after]) if (typeof v === 'string' && v) ids.push(v);
  }
  return ids;
}

export function vocabularyOf(policy: Policy): Vocabulary {
  const kpis = new Map<string, { name: string; share: boolean }>();
  for (const list of Object.values(policy.kpis)) {
    for (const k of list) if (!kpis.has(k.id)) kpis.set(k.id, { name: k.name, share: k.measure === 'share' });
  }
  return {
    kpis,
    categories: new Map(policy.expenseCategories.map((c) => [c.code, c.name])),
    items: new Map([
      ...policy.expenseCategories.flatMap((c) => c.items.map((i): [string, string] => [i.code, i.name])),
      ...policy.forbiddenItems.map((i): [string, string] => [i.code, i.name]),
    ]),
    districts: new Map(policy.districts.map((d) => [d.code, d.name])),
  };
}

const EMPTY_VOCABULARY: Vocabulary = { kpis: new Map(), categories: new Map(), items: new Map(), districts: new Map() };

const STATUS_LABELS: Record<string, Record<string, string>> = {
  project: projectMachine.stateLabels,
  change_request: changeRequestMachine.stateLabels,
};

/** A long text (a report, an activity plan) is cut: the line says that it changed, the record itself says how. */
const MAX_TEXT = 300;

const isIdCardField = (k: string) => /id_?card/i.test(k);
const isBankAccountField = (k: string) => /bank_?account/i.test(k);
const isEmailField = (k: string) => /e_?mail/i.test(k);

/** `zhang.san@example.com` → `z***@example.com`. */
export function maskEmail(v: string): string {
  const at = v.lastIndexOf('@');
  if (at < 1) return '*'.repeat(v.length);
  return `${v[0]}***${v.slice(at)}`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value with every personal field in it masked, by the key that holds it, at any depth. */
export function maskPersonal(key: string, v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => maskPersonal(key, x));
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskPersonal(k, x)]));
  // Already replaced by the audit trail (secrets) or empty: nothing to mask.
  if (typeof v !== 'string' || v === '' || v === '***') return v;
  if (isPhoneField(key)) return maskPhone(v);
  if (isIdCardField(key) || isBankAccountField(key)) return maskSecret(v);
  if (isEmailField(key)) return maskEmail(v);
  return v;
}

/** A `*_json` column holds its value as text: opened, so that its fields are labelled and masked one by one. */
function parsed(key: string, v: unknown): unknown {
  if (!key.endsWith('_json') || typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

const isMoney = (path: string[]) => path.some((k) => k.endsWith('_fen') || k.endsWith('Fen'));

/** A nested key's name: a KPI id under `targets` and a category under `budgetFen` by the year's names. */
function segmentLabel(path: string[], i: number, vocabulary: Vocabulary): string {
  const k = path[i];
  if (path[i - 1] === 'targets') return vocabulary.kpis.get(k)?.name ?? k;
  if (path[i - 1] === 'budgetFen') return vocabulary.categories.get(k) ?? k;
  return TERM_LABELS[k] ?? COUNT_LABELS[k] ?? auditFieldLabel(k);
}

/**
 * Where the history names a column otherwise than the audit log: it shows a district by its name (the log, by its
 * code), and names the fields as the station's form does.
 */
const HEAD_LABELS: Record<string, string> = { district_code: '所在区', contact_phone: '联系人电话' };
const NAME_LABELS: Record<string, string> = { station: '站点名称', organization: '单位名称' };

function labelOf(path: string[], { vocabulary, entity }: { vocabulary: Vocabulary; entity: string }): string {
  const head = (path[0] === 'name' ? NAME_LABELS[entity] : HEAD_LABELS[path[0]]) ?? auditFieldLabel(path[0]);
  const rest = path.slice(1).map((_, j) => segmentLabel(path, j + 1, vocabulary));
  const label = rest.length ? `${head}：${rest.join(' · ')}` : head;
  // Money is shown in 元 (below), so the unit in a column's name would mislead.
  return isMoney(path) ? label.replace('（分）', '') : label;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Instants are stored in UTC and read in Beijing time, as everywhere on the pages. */
function beijingTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(BEIJING.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

function cut(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
}

function itemText(x: unknown): string {
  if (isPlainObject(x)) {
    const named = x.message ?? x.name ?? x.fileName ?? x.file_name;
    return typeof named === 'string' ? named : JSON.stringify(x);
  }
  return String(x);
}

interface TextOptions {
  entity: string;
  path: string[];
  label: string;
  vocabulary: Vocabulary;
}

/** A code as its name, where the field's codes have names. */
function codeName(key: string, v: string, { entity, vocabulary }: TextOptions): string | undefined {
  if (key === 'status') return STATUS_LABELS[entity]?.[v];
  if (key === 'category') return vocabulary.categories.get(v);
  if (key === 'item') return vocabulary.items.get(v);
  if (key === 'district_code' || key === 'districtCode') return vocabulary.districts.get(v);
  if (REFERENCE_KEYS.has(key)) return vocabulary.records?.get(v);
  return VALUE_LABELS[key]?.[v];
}

/** A leaf value as display text; null for no value. */
function text(v: unknown, opts: TextOptions): string | null {
  if (v === null || v === undefined) return null;
  const { path, label, vocabulary } = opts;
  const key = path[path.length - 1];
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') {
    if (isMoney(path) && Number.isSafeInteger(v)) return formatFen(v);
    // A share target is a fraction (0.4) and reads as a percentage, as on the agreement.
    if (path[path.length - 2] === 'targets' && vocabulary.kpis.get(key)?.share) return `${Math.round(v * 1000) / 10}%`;
    // Flags are stored as 0/1 (the portable subset); their names ask a question (是否…).
    if (label.includes('是否') && (v === 0 || v === 1)) return v ? '是' : '否';
    return String(v);
  }
  if (typeof v === 'string') return cut(codeName(key, v, opts) ?? (INSTANT.test(v) ? beijingTime(v) : v));
  if (Array.isArray(v)) return cut(v.length ? v.map(itemText).join('、') : '（无）');
  return cut(JSON.stringify(v));
}

interface WalkOptions {
  entity: string;
  vocabulary: Vocabulary;
  path: string[];
  before: Side;
  after: Side;
  out: RecordChangeDto[];
}

const child = (s: Side, k: string): Side => ({ has: s.has, v: isPlainObject(s.v) ? s.v[k] : undefined });

function walk(o: WalkOptions): void {
  const { path, before, after, out } = o;
  const objects = [before, after].filter((s) => s.has && s.v !== null && s.v !== undefined);
  if (objects.length && objects.every((s) => isPlainObject(s.v))) {
    const keys = new Set<string>();
    for (const s of objects) for (const k of Object.keys(s.v as object)) keys.add(k);
    for (const k of keys) walk({ ...o, path: [...path, k], before: child(before, k), after: child(after, k) });
    return;
  }
  if (before.has && after.has && JSON.stringify(before.v ?? null) === JSON.stringify(after.v ?? null)) return;
  // A creation or deletion lists what the record held, not the fields it left empty.
  const only = before.has !== after.has ? (before.has ? before.v : after.v) : undefined;
  const empty = only === null || only === undefined || only === '' || (Array.isArray(only) && !only.length);
  if (before.has !== after.has && empty) return;
  const label = labelOf(path, { vocabulary: o.vocabulary, entity: o.entity });
  const opts = { entity: o.entity, path, label, vocabulary: o.vocabulary };
  out.push({
    field: path.join('.'),
    fieldLabel: label,
    ...(before.has ? { before: text(before.v, opts) } : {}),
    ...(after.has ? { after: text(after.v, opts) } : {}),
  });
}

export interface ChangesOptions {
  /** the audit entity of the row (`station`, `project`, `change_request`, `expense`) */
  entity: string;
  diffJson: string;
  vocabulary?: Vocabulary;
}

/** The changed fields of one audit row, labelled, masked and as text. */
export function changesOf({ entity, diffJson, vocabulary = EMPTY_VOCABULARY }: ChangesOptions): RecordChangeDto[] {
  let diff: Diff;
  try {
    diff = JSON.parse(diffJson) as Diff;
  } catch {
    return [];
  }
  const out: RecordChangeDto[] = [];
  for (const [key, change] of Object.entries(diff ?? {})) {
    if (SKIPPED.has(key) || !isPlainObject(change)) continue;
    const side = (has: boolean, v: unknown): Side => ({ has, v: has ? maskPersonal(key, parsed(key, v)) : undefined });
    walk({
      entity,
      vocabulary,
      path: [key],
      before: side('before' in change, change.before),
      after: side('after' in change, change.after),
      out,
    });
  }
  return out;
}
