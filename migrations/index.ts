import type { Migration } from 'kysely';
import * as m001 from './001_foundation';
import * as m002 from './002_ledger';
import * as m003 from './003_ledger_version';
import * as m004 from './004_calls';
import * as m005 from './005_lifecycle';
import * as m006 from './006_host_registrations';
import * as m007 from './007_fund_payments';
import * as m008 from './008_golden_bridge';
import * as m009 from './009_expenses';
import * as m010 from './010_supervision';
import * as m011 from './011_instance_safety';
import * as m012 from './012_audit_protection';
import * as m013 from './013_separated_duties';
import * as m014 from './014_password_policy';
import * as m015 from './015_site_visits';
import * as m016 from './016_matching';
import * as m017 from './017_official_lists';

/** Static list: works the same from tsx, the bundled CLI and tests (no directory scanning). */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_ledger': m002,
  '003_ledger_version': m003,
  '004_calls': m004,
  '005_lifecycle': m005,
  '006_host_registrations': m006,
  '007_fund_payments': m007,
  '008_golden_bridge': m008,
  '009_expenses': m009,
  '010_supervision': m010,
  '011_instance_safety': m011,
  '012_audit_protection': m012,
  '013_separated_duties': m013,
  '014_password_policy': m014,
  '015_site_visits': m015,
  '016_matching': m016,
  '017_official_lists': m017,
};
