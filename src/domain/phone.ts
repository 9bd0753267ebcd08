// A person's telephone number is personal information (PIPL 第四条): outside the record it belongs to (Excel exports,
// the audit log) it is shown masked, enough to tell two numbers apart and to recognise one's own, as banks and
// carriers print it.

/** The first 3 and last 4 characters kept, the rest as `*`: `13912345678` → `139****5678`, `010-62001234` → `010*****1234`. */
export function maskPhone(phone: string): string {
  const v = phone.trim();
  if (v.length < 8) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

/** Fields that hold a telephone number, by the names the tables and the exchange format use. */
export function isPhoneField(name: string): boolean {
  return name === 'phone' || name.endsWith('_phone') || name.endsWith('Phone');
}
