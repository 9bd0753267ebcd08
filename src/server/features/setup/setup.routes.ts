import { type SetupChecklistDto, setupChecklistSchema } from '../../../shared/schemas/setup';
import type { Router } from '../../http/router';
import { getSetupChecklist } from './setup.service';

export function registerSetupRoutes(r: Router): void {
  r.route({
    method: 'get',
    path: '/api/v1/setup/checklist',
    tag: '上线准备',
    summary: '上线准备清单：管理账户、依托单位、工作站点、下一年度政策，按数据自动判定是否完成',
    access: { permission: 'read:setup-checklist' },
    response: setupChecklistSchema,
    handler: async (c, { ctx }) => c.json((await getSetupChecklist(ctx)) satisfies SetupChecklistDto),
  });
}
