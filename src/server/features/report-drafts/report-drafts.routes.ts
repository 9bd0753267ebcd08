import { reportDraftsApi } from '../../../shared/api/report-drafts';
import { DOCX_TYPE, fileResponse } from '../../http/excel';
import type { Router } from '../../http/router';
import { reportDraftDocx } from './report-drafts.docx';
import { reportDraftData } from './report-drafts.service';

// A draft is a read of the ledger, like its Excel exports: no audit record (reads are not changes), the ledger's
// read permission, and the station's data scope (a station out of scope is a 404).
export function registerReportDraftRoutes(r: Router): void {
  r.route({
    ...reportDraftsApi.draft,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (c, { params, ctx }) => {
      const d = await reportDraftData(ctx, { stationId: params.id, kind: params.kind });
      return fileResponse(c, {
        buf: await reportDraftDocx(d),
        filename: `${d.station.name}-${d.report.name}（草稿）.docx`,
        mediaType: DOCX_TYPE,
      });
    },
  });
}
