import { expensesApi } from '../../../shared/api/expenses';
import { DOCX_TYPE, fileResponse, XLSX_TYPE } from '../../http/excel';
import type { Router } from '../../http/router';
import { yearExecution, yearExecutionXlsx } from './execution.service';
import { bookExpense, deleteExpense, getExpense, listExpenses, updateExpense, uploadVoucher } from './expenses.service';
import { finalAccountsData, finalAccountsDocx, finalAccountsXlsx, submitFinalAccounts } from './final-accounts';

export function registerExpenseRoutes(r: Router): void {
  r.route({
    ...expensesApi.list,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, ctx, json }) => {
      const { page, pageSize, withWarnings, withoutVoucher, ...f } = query;
      return json(
        await listExpenses(ctx, {
          stationId: params.id,
          filter: { ...f, withWarnings: withWarnings === 'true', withoutVoucher: withoutVoucher === 'true' },
          page: { page, pageSize },
        }),
      );
    },
  });
  r.route({
    ...expensesApi.get,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) => json(await getExpense(ctx, params.id, params.expenseId)),
  });
  r.route({
    ...expensesApi.uploadVoucher,
    access: { permission: 'write:expense' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, body, ctx, json }) =>
      json(
        await uploadVoucher(ctx, { stationId: params.id, fileName: query.fileName, bytes: body as Uint8Array }),
        201,
      ),
  });
  r.route({
    ...expensesApi.create,
    access: { permission: 'write:expense' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, body, ctx, json }) => json(await bookExpense(ctx, params.id, body), 201),
  });
  r.route({
    ...expensesApi.update,
    access: { permission: 'write:expense' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, body, ctx, json }) => {
      const { version, ...input } = body;
      return json(await updateExpense(ctx, { stationId: params.id, expenseId: params.expenseId, version, input }));
    },
  });
  r.route({
    ...expensesApi.remove,
    access: { permission: 'write:expense' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, ctx, json }) =>
      json(await deleteExpense(ctx, { stationId: params.id, expenseId: params.expenseId, version: query.version })),
  });
  r.route({
    ...expensesApi.finalAccountsXlsx,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (c, { params, ctx }) => {
      const d = await finalAccountsData(ctx, params.id);
      return fileResponse(c, {
        buf: await finalAccountsXlsx(d),
        filename: `${d.stationName}-决算报告.xlsx`,
        mediaType: XLSX_TYPE,
      });
    },
  });
  r.route({
    ...expensesApi.finalAccountsDocx,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (c, { params, ctx }) => {
      const d = await finalAccountsData(ctx, params.id);
      return fileResponse(c, {
        buf: await finalAccountsDocx(d),
        filename: `${d.stationName}-决算报告.docx`,
        mediaType: DOCX_TYPE,
      });
    },
  });
  r.route({
    ...expensesApi.submitFinalAccounts,
    access: { permission: 'write:expense' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) => json(await submitFinalAccounts(ctx, params.id), 201),
  });
  r.route({
    ...expensesApi.execution,
    access: { permission: 'read:ledger' },
    handler: async (_c, { query, ctx, json }) => {
      const { page, pageSize, ...f } = query;
      return json(await yearExecution(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    ...expensesApi.executionXlsx,
    access: { permission: 'read:ledger' },
    handler: async (c, { query, ctx }) => {
      const x = await yearExecutionXlsx(ctx, query);
      return fileResponse(c, { buf: x.bytes, filename: x.fileName, mediaType: XLSX_TYPE });
    },
  });
}
