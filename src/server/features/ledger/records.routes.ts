import { recordEndpoints, revealExpertApi } from '../../../shared/api/records';
import { RECORD_KINDS, type RecordKind } from '../../../shared/schemas/ledger-records';
import { EXPORT_LIMIT, fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import type { Router } from '../../http/router';
import { RECORD_KIND_DEFS } from './records.kinds';
import {
  allRecords,
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  revealExpertSecret,
  updateRecord,
} from './records.service';

/** One set of routes per kind of ledger record, as `recordEndpoints` declares them. */
export function registerRecordRoutes(r: Router): void {
  for (const kind of RECORD_KINDS) registerKind(r, kind);

  r.route({
    ...revealExpertApi,
    access: { permission: 'reveal:personal-info' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(
        await revealExpertSecret(ctx, {
          stationId: params.id,
          expertId: params.recordId,
          field: body.field,
          reason: body.reason,
        }),
      ),
  });
}

function registerKind(r: Router, kind: RecordKind): void {
  const def = RECORD_KIND_DEFS[kind];
  const api = recordEndpoints(kind);
  r.route({
    ...api.list,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, ctx, json }) =>
      json(await listRecords(ctx, { kind, stationId: params.id, filter: query })),
  });
  r.route({
    ...api.export,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (c, { params, query, ctx }) => {
      const rows = await allRecords(ctx, { kind, stationId: params.id, filter: query, limit: EXPORT_LIMIT });
      const buf = await xlsxBuffer(def.label, def.exportColumns, rows);
      return fileResponse(c, { buf, filename: `${def.label}.xlsx`, mediaType: XLSX_TYPE });
    },
  });
  r.route({
    ...api.get,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) =>
      json(await getRecord(ctx, { kind, stationId: params.id, recordId: params.recordId })),
  });
  r.route({
    ...api.create,
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(await createRecord(ctx, { kind, stationId: params.id, input: body })),
  });
  r.route({
    ...api.update,
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(
        await updateRecord(ctx, {
          kind,
          stationId: params.id,
          recordId: params.recordId,
          version: body.version,
          input: body.record,
        }),
      ),
  });
  r.route({
    ...api.remove,
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, ctx, json }) => {
      await deleteRecord(ctx, { kind, stationId: params.id, recordId: params.recordId, version: query.version });
      return json({ ok: true });
    },
  });
}
