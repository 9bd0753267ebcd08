import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FundsDto } from '../../../server/features/funds/funds.service';
import { api, uploadFile } from '../../lib/api';

export type Funds = FundsDto;

const key = (stationId: string) => ['funds', stationId];

export function useFunds(stationId: string) {
  return useQuery({
    queryKey: key(stationId),
    queryFn: () => api.get<Funds>(`/api/v1/stations/${encodeURIComponent(stationId)}/funds`),
  });
}

export function usePaymentMutations(stationId: string) {
  const qc = useQueryClient();
  const onSuccess = (data: Funds) => qc.setQueryData(key(stationId), data);
  const base = `/api/v1/stations/${encodeURIComponent(stationId)}/payments`;
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
