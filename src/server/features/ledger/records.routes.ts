import { z } from 'zod';
import {
  RECORD_KINDS,
  RECORD_SCHEMAS,
  type RecordKind,
  recordListQuery,
  revealSchema,
} from '../../../shared/schemas/ledger-records';
import { EXPORT_LIMIT, fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { RECORD_KIND_DEFS, type RecordKindDef } from './records.kinds';
import {
  allRecords,
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  revealExpertSecret,
  updateRecord,
} from './records.service';

const stationParam = z.object({ id: z.string().min(1).max(64) });
const recordParam = stationParam.extend({ recordId: z.string().min(1).max(64) });
const versionQuery = z.object({
  version: z
    .string({ error: '缺少版本号' })
    .regex(/^[1-9]\d*$/, '版本号应为正整数')
    .transform(Number),
});

/** One set of routes per kind of ledger record, named as in the glossary (`/stations/{id}/contacts` …). */
export function registerRecordRoutes(r: Router): void {
  const tag = '站点台账';
  for (const kind of RECORD_KINDS) registerKind(r, tag, kind);

  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/experts/{recordId}/reveal',
    tag,
    summary: '查看专家身份证号或银行账号（须填写原因，记入操作日志）',
    access: { permission: 'reveal:personal-info' },
    scoped: { param: 'id', entity: 'station' },
    params: recordParam,
    body: revealSchema,
    handler: async (c, { params, body, ctx }) =>
      c.json(await revealExpertSecret(ctx, params.id, params.recordId, body.field, body.reason)),
  });
}

function registerKind(r: Router, tag: string, kind: RecordKind): void {
  const def = RECORD_KIND_DEFS[kind] as RecordKindDef;
  const base = `/api/v1/stations/{id}/${kind}`;
  const schema = RECORD_SCHEMAS[kind];
  r.route({
    method: 'get',
    path: base,
    tag,
    summary: `${def.label}列表`,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    query: recordListQuery.extend(pageQuery),
    handler: async (c, { params, query, ctx }) => c.json(await listRecords(ctx, kind, params.id, query)),
  });
  r.route({
    method: 'get',
    path: `${base}/export`,
    tag,
    summary: `导出${def.label}（Excel）`,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    query: recordListQuery,
    produces: 'xlsx',
    handler: async (c, { params, query, ctx }) => {
      const rows = await allRecords(ctx, kind, params.id, query, EXPORT_LIMIT);
      const buf = await xlsxBuffer(def.label, def.exportColumns, rows);
      return fileResponse(c, buf, `${def.label}.xlsx`, XLSX_TYPE);
    },
  });
  r.route({
    method: 'get',
    path: `${base}/{recordId}`,
    tag,
    summary: `${def.label}详情`,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: recordParam,
    handler: async (c, { params, ctx }) => c.json(await getRecord(ctx, kind, params.id, params.recordId)),
  });
  r.route({
    method: 'post',
    path: base,
    tag,
    summary: `新增${def.label}`,
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    body: schema,
    handler: async (c, { params, body, ctx }) => c.json(await createRecord(ctx, kind, params.id, body as never), 201),
  });
  r.route({
    method: 'put',
    path: `${base}/{recordId}`,
    tag,
    summary: `修改${def.label}`,
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: recordParam,
    body: z.object({ version: z.number().int().min(1), record: schema }),
    handler: async (c, { params, body, ctx }) =>
      c.json(await updateRecord(ctx, kind, params.id, params.recordId, body.version, body.record as never)),
  });
  r.route({
    method: 'delete',
    path: `${base}/{recordId}`,
    tag,
    summary: `删除${def.label}`,
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: recordParam,
    query: versionQuery,
    handler: async (c, { params, query, ctx }) => {
      await deleteRecord(ctx, kind, params.id, params.recordId, query.version);
      return c.json({ ok: true });
    },
  });
}
