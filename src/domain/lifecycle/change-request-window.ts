// When a host may still ask for a 工作调整 (第十一条). A change must be asked for in advance and take effect inside the
// project period (its effective date is after today and within the period), so once the period has ended no request
// can ever be submitted: the page hides the button and the server refuses the request up front, with this reason,
// instead of letting the host fill in a form that fails on its effective date.

export const CHANGE_REQUEST_PERIOD_ENDED = '项目期已结束，不能再提出调整申请（第十一条：工作调整须在项目期内提前申请）';

/** Why no new change request can be made, or null while it can; `today` and `periodEnd` are `YYYY-MM-DD`. */
export function changeRequestClosedReason({ periodEnd, today }: { periodEnd: string; today: string }): string | null {
  return today > periodEnd ? CHANGE_REQUEST_PERIOD_ENDED : null;
}
