import { z } from 'zod';

export const auditPackageParamSchema = z.object({ id: z.string().min(1).max(64) });
