import { z } from 'zod';

/** A stored file of the lifecycle as the web sees it: a signed agreement's scan, a paper explanation (第十、十一条). */
export const LifecycleFileDto = z
  .strictObject({
    id: z.string(),
    purpose: z.string(),
    fileName: z.string(),
    mime: z.string(),
    size: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'LifecycleFile' });
export type LifecycleFileDto = z.infer<typeof LifecycleFileDto>;
