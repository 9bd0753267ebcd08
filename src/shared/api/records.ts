import { z } from 'zod';
import { RECORD_KIND_LABELS } from '../record-kinds';
import {
  RECORD_BODIES,
  RECORD_DTOS,
  RECORD_LIST_ITEMS,
  type RecordBody,
  type RecordDto,
  type RecordInput,
  type RecordKind,
  type RecordListItem,
  RevealedSecretDto,
  recordListQuery,
  recordParam,
  recordUpdateSchema,
  recordVersionQuery,
  revealSchema,
} from '../schemas/ledger-records';
import { OkDto, pageOf, pageQuery } from './common';
import { endpoint } from './endpoint';

const tag = '站点台账';
const stationParam = z.object({ id: z.string().min(1).max(64) });

// Typed by the kind, so that code generic in the kind has its bodies and answers typed by it. Read only inside the
// schema properties, which the web build drops (src/web/build/endpoint-paths.ts), so the web never loads them.
function listItemSchema<K extends RecordKind>(kind: K): z.ZodType<RecordListItem<K>> {
  return RECORD_LIST_ITEMS[kind];
}
function dtoSchema<K extends RecordKind>(kind: K): z.ZodType<RecordDto<K>> {
  return RECORD_DTOS[kind];
}
function bodySchema<K extends RecordKind>(kind: K): z.ZodType<RecordInput<K>, RecordBody<K>> {
  return RECORD_BODIES[kind];
}

/** The operations of one kind of ledger record, named as in the glossary (`/stations/{id}/contacts` …). */
export function recordEndpoints<K extends RecordKind>(kind: K) {
  const base = `/api/v1/stations/{id}/${kind}` as const;
  const label = RECORD_KIND_LABELS[kind];
  return {
    list: endpoint({
      method: 'get',
      path: base,
      tag,
      summary: `${label}列表`,
      params: stationParam,
      query: recordListQuery.extend(pageQuery),
      response: pageOf(listItemSchema(kind)),
    }),
    export: endpoint({
      method: 'get',
      path: `${base}/export` as const,
      tag,
      summary: `导出${label}（Excel）`,
      params: stationParam,
      query: recordListQuery,
      response: 'xlsx',
    }),
    get: endpoint({
      method: 'get',
      path: `${base}/{recordId}` as const,
      tag,
      summary: `${label}详情`,
      params: recordParam,
      response: dtoSchema(kind),
    }),
    create: endpoint({
      method: 'post',
      path: base,
      tag,
      summary: `新增${label}`,
      params: stationParam,
      body: bodySchema(kind),
      response: dtoSchema(kind),
      status: 201,
    }),
    update: endpoint({
      method: 'put',
      path: `${base}/{recordId}` as const,
      tag,
      summary: `修改${label}`,
      params: recordParam,
      body: recordUpdateSchema(kind),
      response: dtoSchema(kind),
    }),
    remove: endpoint({
      method: 'delete',
      path: `${base}/{recordId}` as const,
      tag,
      summary: `删除${label}`,
      params: recordParam,
      query: recordVersionQuery,
      response: OkDto,
    }),
  };
}

export type RecordEndpoints<K extends RecordKind> = ReturnType<typeof recordEndpoints<K>>;

/** Every kind's operations; `recordsApi[kind]` of a generic kind is that kind's set. */
export const recordsApi: { [K in RecordKind]: RecordEndpoints<K> } = {
  enterprises: recordEndpoints('enterprises'),
  contacts: recordEndpoints('contacts'),
  demands: recordEndpoints('demands'),
  experts: recordEndpoints('experts'),
  events: recordEndpoints('events'),
  'press-releases': recordEndpoints('press-releases'),
  cooperations: recordEndpoints('cooperations'),
  outcomes: recordEndpoints('outcomes'),
  achievements: recordEndpoints('achievements'),
  reports: recordEndpoints('reports'),
};

export const revealExpertApi = endpoint({
  method: 'post',
  path: '/api/v1/stations/{id}/experts/{recordId}/reveal',
  tag,
  summary: '查看专家身份证号或银行账号（须填写原因，记入操作日志）',
  params: recordParam,
  body: revealSchema,
  response: RevealedSecretDto,
});
