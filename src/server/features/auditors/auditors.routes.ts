import { z } from 'zod';
import { isIsoDate } from '../../../domain/ledger/schema';
import type { Router } from '../../http/router';
import { assignAuditor, listAuditorAccounts, removeAuditor, stationAuditors } from './auditors.service';

const stationParam = z.object({ id: z.string().min(1).max(64) });
const date = (name: string) =>
  z.string({ error: `请选择${name}` }).refine(isIsoDate, { message: `${name}应为 YYYY-MM-DD 格式的有效日期` });

export function registerAuditorRoutes(r: Router): void {
  const tag = '第三方审计';
  r.route({
    method: 'get',
    path: '/api/v1/auditors',
    tag,
    summary: '审计人员账户（分配时选择）',
    access: { permission: 'assign:auditor' },
    handler: async (c, { ctx }) => c.json({ items: await listAuditorAccounts(ctx) }),
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/auditors',
    tag,
    summary: '站点的审计人员及其审计期间（第十二条；站点的各方均可查看谁在审计）',
    access: { permission: 'read:station' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    handler: async (c, { params, ctx }) => c.json({ items: await stationAuditors(ctx, params.id) }),
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/auditors',
    tag,
    summary: '分配审计人员审计该站点，限定起止日期（第十二条）',
    access: { permission: 'assign:auditor' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    body: z.object({
      userId: z.string({ error: '请选择审计人员' }).min(1, '请选择审计人员').max(64),
      validFrom: date('开始日期'),
      validTo: date('结束日期'),
    }),
    handler: async (c, { params, body, ctx }) => c.json({ items: await assignAuditor(ctx, params.id, body) }, 201),
  });
  r.route({
    method: 'delete',
    path: '/api/v1/stations/{id}/auditors/{userId}',
    tag,
    summary: '移除审计人员对该站点的审计权限',
    access: { permission: 'assign:auditor' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam.extend({ userId: z.string().min(1).max(64) }),
    handler: async (c, { params, ctx }) => c.json({ items: await removeAuditor(ctx, params.id, params.userId) }),
  });
}
