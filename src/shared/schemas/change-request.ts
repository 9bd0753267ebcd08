import { z } from 'zod';
import { CHANGE_REQUEST_STATES, type ChangeRequestAction } from '../../domain/lifecycle/machines';
import { LifecycleFileDto } from './lifecycle-file';
import { AgreementTermChangeDto, AgreementTermsDto } from './project';

// 工作调整申请 (第十一条) as the web sees it. What it proposes is checked by `changeRequestInputSchema` (project.ts).

export const changeRequestParam = z.object({ changeRequestId: z.string().min(1).max(64) });
export const changeRequestFileParam = changeRequestParam.extend({ fileId: z.string().min(1).max(64) });

export const CHANGE_REQUEST_ACTIONS = [
  'submit',
  'withdraw',
  'approve',
  'reject',
] as const satisfies readonly ChangeRequestAction[];

export const ChangeRequestDto = z
  .strictObject({
    id: z.string(),
    projectId: z.string(),
    status: z.enum(CHANGE_REQUEST_STATES),
    statusLabel: z.string(),
    title: z.string(),
    reason: z.string(),
    /** the agreement version the request changes */
    baseVersionNo: z.number().int(),
    effectiveOn: z.string(),
    proposed: AgreementTermsDto,
    /** the proposed terms against the base version; empty if that version is gone */
    changes: z.array(AgreementTermChangeDto),
    /** the latest scan of the paper explanation */
    paper: LifecycleFileDto.nullable(),
    decisionReason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    actions: z.array(z.enum(CHANGE_REQUEST_ACTIONS)),
    version: z.number().int(),
  })
  .meta({ id: 'ChangeRequest' });
export type ChangeRequestDto = z.infer<typeof ChangeRequestDto>;
