import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExpenseDto, ExpenseInput } from '../../../server/features/funds/expenses.service';
import type { FundsDto } from '../../../server/features/funds/funds.service';
import type { Page } from '../../../server/http/paging';
import { ApiError, api, qs, uploadFile } from '../../lib/api';

export type Funds = FundsDto;
export type Expense = ExpenseDto;
export type { ExpenseInput };

const key = (stationId: string) => ['funds', stationId];
const sid = (stationId: string) => `/api/v1/stations/${encodeURIComponent(stationId)}`;
export const attachmentUrl = (stationId: string, attachmentId: string) =>
  `${sid(stationId)}/attachments/${encodeURIComponent(attachmentId)}`;

export function useFunds(stationId: string) {
  return useQuery({
    queryKey: key(stationId),
    queryFn: () => api.get<Funds>(`${sid(stationId)}/funds`),
  });
}

export function usePaymentMutations(stationId: string) {
  const qc = useQueryClient();
  const onSuccess = (data: Funds) => qc.setQueryData(key(stationId), data);
  const base = `${sid(stationId)}/payments`;
  return {
    record: useMutation({
      mutationFn: (v: { paidOn: string; amountFen: number; note: string; file: File }) =>
        uploadFile<Funds>(
          `${base}?paidOn=${v.paidOn}&amountFen=${v.amountFen}&note=${encodeURIComponent(v.note)}&fileName=${encodeURIComponent(v.file.name)}`,
          v.file,
          { quiet: true },
        ),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (p: { id: string; version: number }) =>
        api.del<Funds>(`${base}/${encodeURIComponent(p.id)}?version=${p.version}`),
      onSuccess,
    }),
  };
}

// --- 支出台账 (issue #5) ------------------------------------------------------------------------------------------

export interface ExpenseFilters {
  category?: string;
  source?: string;
  q?: string;
  withWarnings?: boolean;
}

export function useExpenses(stationId: string, f: ExpenseFilters, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['expenses', stationId, f, page],
    queryFn: () =>
      api.get<Page<Expense>>(
        `${sid(stationId)}/expenses${qs({ ...f, withWarnings: f.withWarnings ? 'true' : undefined, ...page })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One expense with its vouchers (the list carries only their count). */
export function useExpense(stationId: string, expenseId: string | undefined) {
  return useQuery({
    queryKey: ['expenses', stationId, 'one', expenseId],
    queryFn: () => api.get<Expense>(`${sid(stationId)}/expenses/${encodeURIComponent(expenseId ?? '')}`),
    enabled: Boolean(expenseId),
  });
}

export interface UploadedVoucher {
  attachmentId: string;
  fileName: string;
  mime: string;
  size: number;
}

/** A voucher file is stored first; the booking then links it by its attachment id. */
export function uploadVoucher(stationId: string, file: File, onProgress: (percent: number) => void) {
  return uploadFile<UploadedVoucher>(`${sid(stationId)}/expense-vouchers${qs({ fileName: file.name })}`, file, {
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
    mutationFn: (v: { id?: string; version?: number; input: ExpenseInput }) =>
      v.id
        ? api.put<Expense>(
            `${sid(stationId)}/expenses/${encodeURIComponent(v.id)}`,
            { ...v.input, version: v.version },
            { quiet: true },
          )
        : api.post<Expense>(`${sid(stationId)}/expenses`, v.input, { quiet: true }),
    onSuccess: invalidate,
    // a stale version (edited elsewhere meanwhile): reload, so that reopening starts from the stored expense
    onError: (e) => e instanceof ApiError && e.status === 409 && !e.message.startsWith('不能记账') && invalidate(),
  });
}

export function useDeleteExpense(stationId: string) {
  const invalidate = useInvalidateExpenses(stationId);
  return useMutation({
    mutationFn: (e: Pick<Expense, 'id' | 'version'>) =>
      api.del<{ deleted: true }>(`${sid(stationId)}/expenses/${encodeURIComponent(e.id)}?version=${e.version}`),
    onSettled: invalidate,
  });
}
