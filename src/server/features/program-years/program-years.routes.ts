import { programYearsApi } from '../../../shared/api/program-years';
import type { Router } from '../../http/router';
import {
  copyProgramYear,
  getProgramYear,
  listProgramYears,
  lockProgramYear,
  updateProgramYear,
} from './program-years.service';

export function registerProgramYearRoutes(r: Router): void {
  r.route({
    ...programYearsApi.list,
    access: { permission: 'read:program-year' },
    handler: async (_c, { ctx, json }) => json({ items: await listProgramYears(ctx) }),
  });
  r.route({
    ...programYearsApi.get,
    access: { permission: 'read:program-year' },
    handler: async (_c, { params, ctx, json }) => json(await getProgramYear(ctx, params.year)),
  });
  r.route({
    ...programYearsApi.copy,
    access: { permission: 'write:program-year' },
    handler: async (_c, { body, ctx, json }) => json(await copyProgramYear(ctx, body), 201),
  });
  r.route({
    ...programYearsApi.update,
    access: { permission: 'write:program-year' },
    handler: async (_c, { params, body, ctx, json }) => json(await updateProgramYear(ctx, params.year, body)),
  });
  r.route({
    ...programYearsApi.lock,
    access: { permission: 'write:program-year' },
    handler: async (_c, { params, body, ctx, json }) => json(await lockProgramYear(ctx, params.year, body.version)),
  });
}
