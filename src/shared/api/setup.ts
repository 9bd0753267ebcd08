import { setupChecklistSchema } from '../schemas/setup';
import { endpoint } from './endpoint';

export const setupApi = {
  checklist: endpoint({
    method: 'get',
    path: '/api/v1/setup/checklist',
    tag: '上线准备',
    summary: '上线准备清单：管理账户、依托单位、工作站点、下一年度政策，按数据自动判定是否完成',
    response: setupChecklistSchema,
  }),
};
