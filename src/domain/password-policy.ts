// Password complexity as 等保 2.0 (GB/T 22239-2019, 身份鉴别) expects of a government system; the length cap keeps
// argon2 hashing cheap enough that a huge password cannot tie up the server (OWASP ASVS allows at most 128).

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** Shorter user names would forbid too many passwords (a user named “li” could not use “Lisbon…”), so skip them. */
const MIN_USERNAME_LENGTH_CHECKED = 3;

export const PASSWORD_RULES_HINT = `密码至少 ${PASSWORD_MIN_LENGTH} 位，须包含小写字母、大写字母、数字、特殊字符中的至少三类，且不得包含用户名`;

const CLASSES: ReadonlyArray<{ name: string; test: (ch: string) => boolean }> = [
  { name: '小写字母', test: (ch) => ch >= 'a' && ch <= 'z' },
  { name: '大写字母', test: (ch) => ch >= 'A' && ch <= 'Z' },
  { name: '数字', test: (ch) => ch >= '0' && ch <= '9' },
  // Anything that is not an ASCII letter, digit or whitespace, so Chinese characters also raise the strength.
  { name: '特殊字符', test: (ch) => !/[A-Za-z0-9\s]/.test(ch) },
];

/** Problems with a new password, in Chinese, one per broken rule; empty when it is acceptable. */
export function checkPassword(pw: string, options: { username?: string } = {}): string[] {
  const problems: string[] = [];
  const chars = Array.from(pw);
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push(`密码长度不能少于 ${PASSWORD_MIN_LENGTH} 位`);
  if (chars.length > PASSWORD_MAX_LENGTH) problems.push(`密码长度不能超过 ${PASSWORD_MAX_LENGTH} 位`);
  const present = CLASSES.filter((c) => chars.some(c.test));
  if (present.length < 3) {
    problems.push('密码须包含小写字母、大写字母、数字、特殊字符中的至少三类');
  }
  const username = options.username?.trim().toLowerCase() ?? '';
  if (username.length >= MIN_USERNAME_LENGTH_CHECKED && pw.toLowerCase().includes(username)) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}
