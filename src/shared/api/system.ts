import { z } from 'zod';
import { endpoint } from './endpoint';

export const HealthDto = z
  .strictObject({
    status: z.enum(['ok', 'error']),
    database: z.enum(['sqlite', 'postgres']),
    databaseOk: z.boolean(),
    storage: z.enum(['ok', 'error']),
  })
  .meta({ id: 'Health' });

export const systemApi = {
  health: endpoint({
    method: 'get',
    path: '/api/health',
    tag: '系统',
    summary: '健康检查（数据库可达且文件存储目录可读写时 200）',
    response: HealthDto,
  }),
};
