import { copyYearSchema, updatePolicySchema, yearParam } from '../../../shared/schemas/program-year';
import { versionBody } from '../../../shared/schemas/user';
import type { Router } from '../../http/router';
import {
  copyProgramYear,
  getProgramYear,
  listProgramYears,
  lockProgramYear,
  updateProgramYear,
} from './program-years.service';

export function registerProgramYearRoutes(r: Router): void {
  const tag = '项目年度';
  r.route({
    method: 'get',
    path: '/api/v1/program-years',
    tag,
    summary: '年度列表',
    access: { permission: 'read:program-year' },
    handler: async (c, { ctx }) => c.json({ items: await listProgramYears(ctx) }),
  });
  r.route({
    method: 'get',
    path: '/api/v1/program-years/{year}',
    tag,
    summary: '年度政策（第三条、第六条至第八条）',
    access: { permission: 'read:program-year' },
    params: yearParam,
    handler: async (c, { params, ctx }) => c.json(await getProgramYear(ctx, params.year)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/program-years',
    tag,
    summary: '复制已有年度创建新年度',
    access: { permission: 'write:program-year' },
    body: copyYearSchema,
    handler: async (c, { body, ctx }) => c.json(await copyProgramYear(ctx, body), 201),
  });
  r.route({
    method: 'put',
    path: '/api/v1/program-years/{year}',
    tag,
    summary: '修改未锁定年度的政策数字',
    access: { permission: 'write:program-year' },
    params: yearParam,
    body: updatePolicySchema,
    handler: async (c, { params, body, ctx }) => c.json(await updateProgramYear(ctx, params.year, body)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/program-years/{year}/lock',
    tag,
    summary: '锁定年度政策（申报开启时）',
    access: { permission: 'write:program-year' },
    params: yearParam,
    body: versionBody,
    handler: async (c, { params, body, ctx }) => c.json(await lockProgramYear(ctx, params.year, body.version)),
  });
}
