// The working year (issue 14): the program year whose project period contains today — its stations are at work —
// else the newest year that has stations (between two periods, or after the last one ended), else the newest year.
// A new year created in Q4 for the next call (第三条 年度项目制) has no stations until its agreements are signed
// (第十条), so it never becomes the working year before its period starts.

export interface YearPeriod {
  year: number;
  stationCount: number;
  /** the earliest station period start of the year, null without stations */
  periodStart: string | null;
  /** the latest station period end of the year */
  periodEnd: string | null;
}

export function workingYear(years: readonly YearPeriod[], today: string): number | undefined {
  const newestFirst = [...years].sort((a, b) => b.year - a.year);
  const running = newestFirst.find(
    (y) =>
      y.stationCount > 0 &&
      y.periodStart !== null &&
      y.periodEnd !== null &&
      y.periodStart <= today &&
      today <= y.periodEnd,
  );
  return (running ?? newestFirst.find((y) => y.stationCount > 0) ?? newestFirst[0])?.year;
}
