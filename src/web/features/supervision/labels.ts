// Words and colours of the supervision pages. The labels of states come from the server's DTOs (the machines of
// src/domain/supervision); the seven grounds of 第十八条 are the regulation's words.
import { VIOLATION_ARTICLE, VIOLATION_GROUNDS } from '../../../domain/supervision/supervision';

export const inspectionStatusColor: Record<string, string> = { planned: 'processing', completed: 'success' };
export const findingStatusColor: Record<string, string> = {
  open: 'warning',
  responded: 'processing',
  closed: 'success',
};
export const recoveryStatusColor: Record<string, string> = {
  issued: 'warning',
  partly_paid: 'processing',
  paid: 'cyan',
  closed: 'success',
};

/** `第十八条（二）截留、挤占、挪用项目经费` — the same words as the server's `groundLabel`. */
export const GROUND_OPTIONS = VIOLATION_GROUNDS.map((g) => ({
  value: g.code as string,
  label: `${VIOLATION_ARTICLE}${g.clause}${g.name}`,
}));
