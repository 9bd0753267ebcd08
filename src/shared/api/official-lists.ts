import {
  OfficialListDto,
  OfficialListEntriesDto,
  OfficialListImportReportDto,
  officialListEntriesQuery,
  officialListImportQuery,
  officialListListQuery,
} from '../schemas/official-lists';
import { pageOf, pageQuery } from './common';
import { endpoint } from './endpoint';

const tag = '官方名单';

// 官方名单 (issue 15 §4): the Center's imports of the official 专精特新 and 企业科协 lists (第七条).
export const officialListsApi = {
  list: endpoint({
    method: 'get',
    path: '/api/v1/official-lists',
    tag,
    summary: '已导入的官方名单（专精特新、企业科协，第七条）',
    query: officialListListQuery.extend(pageQuery),
    response: pageOf(OfficialListDto),
  }),
  entries: endpoint({
    method: 'get',
    path: '/api/v1/official-list-entries',
    tag,
    summary: '官方名单中的企业：按名单（listId）查看导入结果，或按统一社会信用代码（uscc）追溯企业标识的来源名单',
    query: officialListEntriesQuery.extend(pageQuery),
    response: OfficialListEntriesDto,
  }),
  template: endpoint({
    method: 'get',
    path: '/api/v1/official-lists/import-template',
    tag,
    summary: '下载官方名单导入模板（Excel：统一社会信用代码、企业名称）',
    response: 'xlsx',
  }),
  import: endpoint({
    method: 'post',
    path: '/api/v1/official-lists/import',
    tag,
    summary:
      '导入官方名单（Excel）：dryRun=1 预览将变更的企业标识和各站点考核指标（第七条）；确认时带回预览的 token，企业名录在预览后有变动则拒绝（409），否则在一个事务中导入',
    query: officialListImportQuery,
    upload: true,
    response: OfficialListImportReportDto,
  }),
};
