// A program year with no stations yet (a new year created in Q4 for the next call) says so, and offers the working
// year, instead of a page of zeros that reads as if the program had stopped.
import { Alert, Button } from 'antd';

export function EmptyYearNotice({
  year,
  stationCount,
  workingYear,
  onSwitch,
}: {
  year: number | undefined;
  stationCount: number | undefined;
  workingYear: number | undefined;
  onSwitch: (year: number) => void;
}) {
  if (year === undefined || stationCount !== 0) return null;
  const other = workingYear !== undefined && workingYear !== year;
  return (
    <Alert
      className="card-gap"
      type="info"
      showIcon
      title={`${year} 年度尚无工作站点`}
      description={
        other
          ? `该年度的工作站点在申报评审通过、签订协议后产生。正在实施的是 ${workingYear} 年度。`
          : '该年度的工作站点在申报评审通过、签订协议后产生。'
      }
      action={
        other && (
          <Button size="small" type="primary" onClick={() => onSwitch(workingYear)}>
            查看 {workingYear} 年度
          </Button>
        )
      }
    />
  );
}
