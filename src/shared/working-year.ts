import type { ProgramYearSummaryDto } from './schemas/program-year';

/**
 * The year a year-scoped page opens on when neither the address nor the user's last choice names one (issue 14): the
 * year the server marks as working, else the newest that has stations, else the newest. The web app decides with it,
 * and so does the server when it names a page's first reads in its HTML (decision 029).
 */
export function workingYearOf(
  years: readonly Pick<ProgramYearSummaryDto, 'year' | 'working' | 'stationCount'>[],
): number | undefined {
  return (years.find((y) => y.working) ?? years.find((y) => y.stationCount > 0) ?? years[0])?.year;
}
