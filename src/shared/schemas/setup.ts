import { z } from 'zod';
import { SETUP_ACCOUNT_ROLES, SETUP_STEP_IDS } from '../../domain/setup/checklist';
import { ROLES } from '../permissions';

/** GET /api/v1/setup/checklist: the 上线准备清单, each step ticked off from the data. */
export const setupItemSchema = z
  .strictObject({
    role: z.enum(SETUP_ACCOUNT_ROLES),
    label: z.string(),
    done: z.boolean(),
    count: z.number().int().min(0),
    hint: z.string(),
  })
  .meta({ id: 'SetupItem' });

export const setupStepSchema = z
  .strictObject({
    id: z.enum(SETUP_STEP_IDS),
    title: z.string(),
    why: z.string(),
    article: z.string().nullable(),
    who: z.array(z.enum(ROLES)),
    /** “中心管理员、中心工作人员” */
    whoLabel: z.string(),
    done: z.boolean(),
    detail: z.string(),
    /** the web page where the step is done */
    link: z.string(),
    items: z.array(setupItemSchema),
  })
  .meta({ id: 'SetupStep' });

export const setupChecklistSchema = z
  .strictObject({
    today: z.string(),
    comingYear: z.number().int(),
    workingYear: z.number().int().nullable(),
    doneCount: z.number().int().min(0),
    total: z.number().int().min(0),
    isComplete: z.boolean(),
    steps: z.array(setupStepSchema),
  })
  .meta({ id: 'SetupChecklist' });
export type SetupChecklistDto = z.infer<typeof setupChecklistSchema>;
export type SetupStepDto = z.infer<typeof setupStepSchema>;
