import type { Router } from '../http/router';
import { registerApplicationRoutes } from './applications/applications.routes';
import { registerAuditEventRoutes } from './audit-events/audit-events.routes';
import { registerAuthRoutes } from './auth/auth.routes';
import { registerCallRoutes } from './calls/calls.routes';
import { registerDistrictRoutes } from './districts/districts.routes';
import { registerFundRoutes } from './funds/funds.routes';
import { registerHostRegistrationRoutes } from './host-registrations/host-registrations.routes';
import { registerInboxRoutes } from './inbox/inbox.routes';
import { registerKpiRoutes } from './kpis/kpis.routes';
import { registerLedgerRoutes } from './ledger/ledger.routes';
import { registerRecordRoutes } from './ledger/records.routes';
import { registerOrganizationRoutes } from './organizations/organizations.routes';
import { registerProgramYearRoutes } from './program-years/program-years.routes';
import { registerProjectRoutes } from './projects/projects.routes';
import { registerSecuritySettingRoutes } from './security-settings.routes';
import { registerStationRoutes } from './stations/stations.routes';
import { registerUserRoutes } from './users/users.routes';

export function registerFeatureRoutes(r: Router): void {
  registerAuthRoutes(r);
  registerProgramYearRoutes(r);
  registerDistrictRoutes(r);
  registerOrganizationRoutes(r);
  registerStationRoutes(r);
  registerLedgerRoutes(r);
  registerRecordRoutes(r);
  registerKpiRoutes(r);
  registerCallRoutes(r);
  registerApplicationRoutes(r);
  registerProjectRoutes(r);
  registerInboxRoutes(r);
  registerHostRegistrationRoutes(r);
  registerFundRoutes(r);
  registerUserRoutes(r);
  registerAuditEventRoutes(r);
  registerSecuritySettingRoutes(r);
}
