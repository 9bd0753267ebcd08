// Password complexity as 等保 2.0 (GB/T 22239-2019, 身份鉴别) expects of a government system; the length cap keeps
// argon2 hashing cheap enough that a huge password cannot tie up the server (OWASP ASVS allows at most 128).
// Three classes of characters are not enough on their own: `P@ssw0rd`, `Password1` and `Qwerty123!` all have them.
// So, as NIST SP 800-63B §5.1.1.2 asks, a new password is also looked up in a list of common passwords, after the
// usual disguises are undone (case, leetspeak, digits and symbols stuck on either end), and refused when it is a
// keyboard or alphabet walk or names this system (decision 019).
import COMMON_PASSWORDS from './common-passwords.json';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** Shorter user names would forbid too many passwords (a user named “li” could not use “Lisbon…”), so skip them. */
const MIN_USERNAME_LENGTH_CHECKED = 3;

export const PASSWORD_RULES_HINT = `密码至少 ${PASSWORD_MIN_LENGTH} 位，须包含小写字母、大写字母、数字、特殊字符中的至少三类，不得包含用户名，不得使用常见密码、键盘顺序（如 qwerty、1qaz2wsx）或“简单单词加年份”之类易猜的组合`;

export const PASSWORD_PROBLEMS = {
  common: '密码过于常见（去掉大小写、首尾数字符号及 @→a、0→o 等替换后，属于常见密码），容易被猜中，请换一个',
  walk: '密码是键盘或字母表上的连续序列或重复字符（如 qwerty、abc、1qaz2wsx、aaaa），容易被猜中，请换一个',
  context: '密码不能包含本系统的名称（qianqi、kexie）',
} as const;

const CLASSES: ReadonlyArray<{ name: string; test: (ch: string) => boolean }> = [
  { name: '小写字母', test: (ch) => ch >= 'a' && ch <= 'z' },
  { name: '大写字母', test: (ch) => ch >= 'A' && ch <= 'Z' },
  { name: '数字', test: (ch) => ch >= '0' && ch <= '9' },
  // Anything that is not an ASCII letter, digit or whitespace, so Chinese characters also raise the strength.
  { name: '特殊字符', test: (ch) => !/[A-Za-z0-9\s]/.test(ch) },
];

/**
 * Common here and missing from the (English-language) list: Chinese favourites and the words of this system, which a
 * guesser tries first. Kept to whole passwords and cores people really use.
 */
const LOCAL_COMMON = [
  'woaini',
  'woaini1314',
  'aini1314',
  '1314520',
  'qq123456',
  'aa123456',
  'abc123456',
  'admin123',
  'root',
  'beijing',
  'zhongguo',
  'kexie',
  'qianqi',
  'bjkx',
];

/** The system's own names: a password built on them is the first thing anyone attacking this system tries. */
const CONTEXT_WORDS = ['qianqi', 'kexie'];

let common: ReadonlySet<string> | null = null;
function commonSet(): ReadonlySet<string> {
  common ??= new Set([...(COMMON_PASSWORDS as string[]), ...LOCAL_COMMON].map((p) => p.toLowerCase()));
  return common;
}

// Rows, columns and zigzags of the keyboard, the alphabet and the digits; a walk runs along one, either way.
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7ki8lo9p0',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
];
const RUNS = [...SEQUENCES, ...SEQUENCES.map((s) => [...s].reverse().join(''))];

/** Shifted digits typed for their digit (`1qaz@WSX` is the walk `1qaz2wsx`). */
const UNSHIFT: Record<string, string> = {
  '!': '1',
  '@': '2',
  '#': '3',
  $: '4',
  '%': '5',
  '^': '6',
  '&': '7',
  '*': '8',
  '(': '9',
  ')': '0',
};

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '3': 'e',
  '!': 'i',
  '|': 'l',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};

const map = (s: string, table: Record<string, string>) => Array.from(s, (ch) => table[ch] ?? ch).join('');
/** `1` stands for i (`Adm1n`) as often as for l (`He1lo`): both readings are tried. */
const deleet = (s: string) => [map(s, { ...LEET, '1': 'i' }), map(s, { ...LEET, '1': 'l' })];
/** Digits and symbols stuck on the end (`Password1!`), at the start (`1Password`), or both. */
const trims = (s: string) => [
  s,
  s.replace(/[^a-z]+$/, ''),
  s.replace(/^[^a-z]+/, ''),
  s.replace(/^[^a-z]+|[^a-z]+$/g, ''),
];

/** The forms a guesser would try for this password: lower-cased, trimmed and de-leeted, in either order. */
function disguisesUndone(pw: string): Set<string> {
  const lower = pw.toLowerCase();
  const forms = new Set<string>();
  for (const t of trims(lower)) {
    forms.add(t);
    for (const d of deleet(t)) for (const u of trims(d)) forms.add(u);
  }
  forms.delete('');
  return forms;
}

/** Whether `s` is made only of walks of three or more (`qwerty`, `1qaz2wsx`, `abc123`), or of one character repeated. */
function isWalk(s: string): boolean {
  if (s.length === 0) return false;
  if (new Set(s).size === 1) return true;
  // ok[i]: s[0, i) splits into walks of length ≥ 3.
  const ok = [true, ...Array<boolean>(s.length).fill(false)];
  for (let i = 0; i < s.length; i++) {
    if (!ok[i]) continue;
    for (let j = i + 3; j <= s.length; j++) {
      const piece = s.slice(i, j);
      if (new Set(piece).size === 1 || RUNS.some((r) => r.includes(piece))) ok[j] = true;
      else if (!RUNS.some((r) => r.includes(piece.slice(0, 3)))) break;
    }
  }
  return ok[s.length];
}

/** True when the password, with its disguises undone, is a common password. */
export function isCommonPassword(pw: string): boolean {
  const set = commonSet();
  for (const form of disguisesUndone(pw)) if (set.has(form)) return true;
  return false;
}

/** True when the password is a keyboard or alphabet walk, possibly with digits and symbols stuck on. */
export function isKeyboardWalk(pw: string): boolean {
  const lower = pw.toLowerCase();
  const unshifted = map(lower, UNSHIFT);
  // `Abc@2025` and `Qwerty123!`: the letters a person chose are a walk; `1qaz@WSX`: the whole is one.
  const cores = trims(lower).filter((c) => c.length > 0);
  return isWalk(unshifted) || cores.some((c) => c !== lower && isWalk(c)) || isWalk(lower.replace(/[^a-z0-9]/g, ''));
}

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
  // One thing at a time: a password that breaks a basic rule is not also told it is guessable.
  if (problems.length) return problems;
  const forms = [...disguisesUndone(pw)];
  if (CONTEXT_WORDS.some((w) => forms.some((f) => f.includes(w)))) problems.push(PASSWORD_PROBLEMS.context);
  else if (isCommonPassword(pw)) problems.push(PASSWORD_PROBLEMS.common);
  else if (isKeyboardWalk(pw)) problems.push(PASSWORD_PROBLEMS.walk);
  return problems;
}

/**
 * Whether a password set at `changedAt` (an ISO instant) has outlived `maxAgeDays` on `now` (等保 2.0 身份鉴别:
 * 定期更换). 0 days: no limit.
 */
export function isPasswordExpired(changedAt: string, maxAgeDays: number, now: Date): boolean {
  if (maxAgeDays <= 0) return false;
  return now.getTime() - new Date(changedAt).getTime() >= maxAgeDays * 86_400_000;
}
