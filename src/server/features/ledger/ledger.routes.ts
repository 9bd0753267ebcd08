import { ledgerApi } from '../../../shared/api/ledger';
import { contentDisposition } from '../../blobs/filename';
import type { Router } from '../../http/router';
import { addEventEvidence, createReportFromDocx, readAttachment, removeEventEvidence } from './attachments.service';
import { listEnterprises, lookupEnterprise } from './enterprises.service';

/** The shared enterprise registry, as the ledger pages look it up. */
export function registerLedgerRoutes(r: Router): void {
  r.route({
    ...ledgerApi.enterprises,
    access: { permission: 'read:ledger' },
    handler: async (_c, { query, ctx, json }) => json(await listEnterprises(ctx, query)),
  });
  r.route({
    ...ledgerApi.enterpriseLookup,
    access: { permission: 'read:ledger' },
    handler: async (_c, { query, ctx, json }) => json(await lookupEnterprise(ctx, query.uscc)),
  });
}

/**
 * Evidence, report files and attachments of a station's records. Registered after the ledger exchange's routes
 * (features/index.ts) so that the route table and the OpenAPI document keep their order.
 */
export function registerLedgerAttachmentRoutes(r: Router): void {
  r.route({
    ...ledgerApi.addEvidence,
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, body, ctx, json }) =>
      json(
        await addEventEvidence(ctx, {
          stationId: params.id,
          eventId: params.recordId,
          kind: query.kind,
          fileName: query.fileName,
          bytes: body as Uint8Array,
        }),
      ),
  });
  r.route({
    ...ledgerApi.removeEvidence,
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) =>
      json(
        await removeEventEvidence(ctx, {
          stationId: params.id,
          eventId: params.recordId,
          evidenceId: params.evidenceId,
        }),
      ),
  });
  r.route({
    ...ledgerApi.reportDocx,
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, body, ctx, json }) =>
      json(await createReportFromDocx(ctx, { stationId: params.id, input: query, bytes: body as Uint8Array })),
  });
  r.route({
    ...ledgerApi.attachment,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (c, { params, ctx }) => {
      const f = await readAttachment(ctx, params.id, params.attachmentId);
      c.header('Content-Type', f.mime);
      c.header('Content-Disposition', contentDisposition(f.fileName));
      c.header('Content-Security-Policy', "default-src 'none'; sandbox");
      return c.body(f.bytes as Uint8Array<ArrayBuffer>);
    },
  });
}
