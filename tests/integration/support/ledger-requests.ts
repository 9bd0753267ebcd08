// Valid requests for the ledger routes (issue #3), shared by the authorization matrix and the audit-coverage test:
// each write must be valid so that a refusal proves the permission or the scope, not a validation error.
import { idCardCheckChar } from '../../../src/domain/id-card';
import type { LedgerInput } from '../../../src/domain/ledger/schema';
import { policy2025 } from '../../../src/domain/policy/index';
import { usccCheckChar } from '../../../src/domain/uscc';
import { samplePng } from '../../../src/server/demo/sample-png';
import { ledgerWorkbook } from '../../../src/server/features/ledger-exchange/ledger-excel';
import type { RecordKind } from '../../../src/shared/schemas/ledger-records';
import { minimalDocx } from '../../setup/docx';
import type { TestApp } from '../../setup/test-app';

let counter = 900_000;
/** A fresh valid USCC registered in `district`, never one the demo data uses. */
export function freshUscc(district = '110108'): string {
  counter += 1;
  const first17 = `91${district}${String(counter).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
}

export const ID_CARD = (() => {
  const first17 = '11010819800101123';
  return first17 + idCardCheckChar(first17);
})();

export function validRecordBody(kind: RecordKind): Record<string, unknown> {
  switch (kind) {
    case 'enterprises':
      return {
        uscc: freshUscc(),
        name: '北京矩阵测试科技有限公司',
        districtCode: '110108',
        hasAssociation: true,
        srdi: 'none',
        keyServed: false,
      };
    case 'contacts':
      return { uscc: freshUscc(), date: '2025-06-01', mode: 'visit', note: '走访' };
    case 'demands':
      return { uscc: freshUscc(), title: '检测设备共享需求', collectedOn: '2025-06-01', status: 'collected' };
    case 'experts':
      return { name: '王测试', kind: 'expert', hostStaff: false, fiscallySupported: false, idCard: ID_CARD };
    case 'events':
      return { kind: 'training', title: '企业科协培训', date: '2025-06-02', expertIds: [], enterpriseUsccs: [] };
    case 'press-releases':
      return { title: '站点动态', date: '2025-06-03', channel: 'association_website', url: 'https://kx.example.cn/a' };
    case 'cooperations':
      return { title: '联合实验室', date: '2025-06-04', parties: ['某大学', '某企业'], content: '共建联合实验室' };
    case 'outcomes':
      return { title: '成果落地', date: '2025-06-05', goldenBridge: false };
    case 'achievements':
      return { title: '高校成果', university: '北京理工大学', collectedOn: '2025-06-06', promoted: true };
    case 'reports':
      return { kind: 'summary', title: '年度总结', text: '本年度站点工作总结。' };
  }
}

const KIND_TABLE: Record<RecordKind, string> = {
  enterprises: 'station_enterprises',
  contacts: 'contacts',
  demands: 'demands',
  experts: 'experts',
  events: 'events',
  'press-releases': 'press_releases',
  cooperations: 'cooperations',
  outcomes: 'outcomes',
  achievements: 'achievements',
  reports: 'reports',
};

/** The newest record of a kind in a station (id and current version), or null. */
export async function recordOf(
  t: TestApp,
  kind: RecordKind,
  stationId: string,
): Promise<{ id: string; version: number } | null> {
  // biome-ignore lint/suspicious/noExplicitAny: tables addressed by name
  const row = await (t.deps.db as any)
    .selectFrom(KIND_TABLE[kind])
    .select(['id', 'version'])
    .where('station_id', '=', stationId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { id: row.id, version: Number(row.version) } : null;
}

export async function evidenceOf(
  t: TestApp,
  stationId: string,
): Promise<{ eventId: string; evidenceId: string } | null> {
  const row = await t.deps.db
    .selectFrom('event_evidence as v')
    .innerJoin('events as e', 'e.id', 'v.event_id')
    .select(['v.id', 'v.event_id'])
    .where('e.station_id', '=', stationId)
    .orderBy('v.id', 'desc')
    .executeTakeFirst();
  return row ? { eventId: row.event_id, evidenceId: row.id } : null;
}

export async function attachmentOf(t: TestApp, stationId: string): Promise<string | null> {
  const row = await t.deps.db
    .selectFrom('attachments')
    .select('id')
    .where('station_id', '=', stationId)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A minimal valid ledger for a station (its own type, district and period). */
export async function ledgerFor(t: TestApp, stationId: string): Promise<Record<string, unknown>> {
  const s = await t.deps.db.selectFrom('stations').selectAll().where('id', '=', stationId).executeTakeFirst();
  const st = s ?? {
    name: '站点',
    type: 'district_a',
    district_code: '110108',
    period_start: '2025-04-01',
    period_end: '2025-12-31',
    program_year: 2025,
  };
  return {
    format: 'qianqi-ledger/1',
    programYear: st.program_year,
    station: {
      name: st.name,
      type: st.type,
      district: st.district_code,
      host: { name: '依托单位' },
      period: { start: st.period_start, end: st.period_end },
    },
    contacts: [{ uscc: freshUscc(), date: st.period_start, mode: 'visit' }],
  };
}

/** The same minimal ledger as an Excel workbook, as a station would upload it. */
export async function ledgerXlsx(t: TestApp, stationId: string): Promise<Uint8Array> {
  return new Uint8Array(await ledgerWorkbook((await ledgerFor(t, stationId)) as LedgerInput, policy2025));
}

export const PNG = samplePng(16, 12);
export const DOCX = minimalDocx(['年度工作总结', '我们在2025年完成了AI项目。']);
