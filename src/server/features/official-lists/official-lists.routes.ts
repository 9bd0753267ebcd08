import { officialListsApi } from '../../../shared/api/official-lists';
import { fileResponse, XLSX_TYPE } from '../../http/excel';
import type { Router } from '../../http/router';
import {
  importOfficialList,
  listOfficialListEntries,
  listOfficialLists,
  officialListTemplateFile,
} from './official-lists.service';

// 官方名单 (issue 15 §4): the Center's work — the same permission as importing host organisations, which only the
// Center's roles hold (center_admin, center_staff).
const access = { permission: 'write:organization' } as const;

export function registerOfficialListRoutes(r: Router): void {
  r.route({
    ...officialListsApi.list,
    access,
    handler: async (_c, { query, ctx, json }) => json(await listOfficialLists(ctx, query)),
  });
  r.route({
    ...officialListsApi.entries,
    access,
    handler: async (_c, { query, ctx, json }) => json(await listOfficialListEntries(ctx, query)),
  });
  r.route({
    ...officialListsApi.template,
    access,
    handler: async (c, { ctx }) =>
      fileResponse(c, {
        buf: await officialListTemplateFile(ctx),
        filename: '官方名单导入模板.xlsx',
        mediaType: XLSX_TYPE,
      }),
  });
  r.route({
    ...officialListsApi.import,
    access,
    handler: async (_c, { query, body, ctx, json }) => json(await importOfficialList(ctx, body as Uint8Array, query)),
  });
}
