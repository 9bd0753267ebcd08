import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { expensesApi } from '../../../shared/api/expenses';
import { fundsApi } from '../../../shared/api/funds';
import { ledgerApi } from '../../../shared/api/ledger';
import type { ExpenseDetailDto, ExpenseDto, ExpenseInput, FundsDto } from '../../../shared/schemas/funds';
import { ApiError, call, uploadTo, urlOf } from '../../lib/api';

export type Funds = FundsDto;
export type Expense = ExpenseDto;
export type ExpenseDetail = ExpenseDetailDto;
export type { ExpenseInput };

const key = (stationId: string) => ['funds', stationId];
export const attachmentUrl = (stationId: string, attachmentId: string) =>
  urlOf(ledgerApi.attachment, { params: { id: stationId, attachmentId } });

export function useFunds(stationId: string) {
  return useQuery({
    queryKey: key(stationId),
    queryFn: () => call(fundsApi.get, { params: { id: stationId } }),
  });
}

export function usePaymentMutations(stationId: string) {
  const qc = useQueryClient();
  const onSuccess = (data: Funds) => qc.setQueryData(key(stationId), data);
  return {
    record: useMutation({
      mutationFn: (v: { paidOn: string; amountFen: number; note: string; file: File }) =>
        uploadTo({
          endpoint: fundsApi.recordPayment,
          input: {
            params: { id: stationId },
            query: { paidOn: v.paidOn, amountFen: v.amountFen, note: v.note, fileName: v.file.name },
          },
          file: v.file,
          quiet: true,
        }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (p: { id: string; version: number }) =>
        call(fundsApi.deletePayment, { params: { id: stationId, paymentId: p.id }, query: { version: p.version } }),
      onSuccess,
    }),
  };
}

// --- 支出台账 (issue #5) ------------------------------------------------------------------------------------------

export interface ExpenseFilters {
  category?: Expense['category'];
  source?: Expense['source'];
  q?: string;
  withWarnings?: boolean;
  /** expenses with no voucher (a link of 待补事项, 第十二条) */
  withoutVoucher?: boolean;
}

export function useExpenses(stationId: string, f: ExpenseFilters, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['expenses', stationId, f, page],
    queryFn: () =>
      call(expensesApi.list, {
        params: { id: stationId },
        query: {
          ...f,
          withWarnings: f.withWarnings ? 'true' : undefined,
          withoutVoucher: f.withoutVoucher ? 'true' : undefined,
          ...page,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** One expense with its vouchers (the list carries only their count). */
export function useExpense(stationId: string, expenseId: string | undefined) {
  return useQuery({
    queryKey: ['expenses', stationId, 'one', expenseId],
    queryFn: () => call(expensesApi.get, { params: { id: stationId, expenseId: expenseId ?? '' } }),
    enabled: Boolean(expenseId),
  });
}

/** A voucher file is stored first; the booking then links it by its attachment id. */
export function uploadVoucher(stationId: string, file: File, onProgress: (percent: number) => void) {
  return uploadTo({
    endpoint: expensesApi.uploadVoucher,
    input: { params: { id: stationId }, query: { fileName: file.name } },
    file,
    onProgress,
  });
}

function useInvalidateExpenses(stationId: string) {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: key(stationId) });
    qc.invalidateQueries({ queryKey: ['expenses', stationId] });
    qc.invalidateQueries({ queryKey: ['kpis'] });
  };
}

export function useSaveExpense(stationId: string) {
  const invalidate = useInvalidateExpenses(stationId);
  return useMutation({
    // quiet: the drawer shows a refusal (409, 第十七条 …) itself and keeps the user's typing
    mutationFn: (v: { input: ExpenseInput; stored?: Pick<Expense, 'id' | 'version'> }) =>
      v.stored
        ? call(
            expensesApi.update,
            { params: { id: stationId, expenseId: v.stored.id }, body: { ...v.input, version: v.stored.version } },
            { quiet: true },
          )
        : call(expensesApi.create, { params: { id: stationId }, body: v.input }, { quiet: true }),
    onSuccess: invalidate,
    // a stale version (edited elsewhere meanwhile): reload, so that reopening starts from the stored expense
    onError: (e) => e instanceof ApiError && e.status === 409 && !e.message.startsWith('不能记账') && invalidate(),
  });
}

export function useDeleteExpense(stationId: string) {
  const invalidate = useInvalidateExpenses(stationId);
  return useMutation({
    mutationFn: (e: Pick<Expense, 'id' | 'version'>) =>
      call(expensesApi.remove, { params: { id: stationId, expenseId: e.id }, query: { version: e.version } }),
    onSettled: invalidate,
  });
}
