/** antd Pagination's total line, shared by the table (PC) and the cards (phone) without the one importing the other. */
export function showTotal(total: number): string {
  return `共 ${total} 条`;
}
