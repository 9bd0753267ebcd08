// The words a match is made of (issue #15, decision 026). Segmentation itself (jieba) is native code the server
// loads; this keeps what is a rule of the product pure: which segments count as terms, and how often each occurs.

/**
 * Words every demand and every profile uses, which say nothing about the field: with a pool of a few dozen records
 * their IDF is not yet low enough to silence them, so they are left out by rule.
 */
export const STOP_TERMS: ReadonlySet<string> = new Set([
  // how enterprises write a demand
  '公司',
  '企业',
  '我司',
  '本公司',
  '希望',
  '需要',
  '需求',
  '寻求',
  '寻找',
  '目前',
  '现有',
  '存在',
  '问题',
  '解决',
  '方案',
  '提高',
  '提升',
  '降低',
  '实现',
  '进行',
  '相关',
  '方面',
  '开展',
  '合作',
  '支持',
  '帮助',
  '指导',
  '产品',
  '生产',
  '项目',
  '能够',
  '可以',
  '以及',
  '主要',
  '要求',
  '情况',
  '工作',
  '服务',
  '希望能',
  '有关',
  '一种',
  '通过',
  '具有',
  '我们',
  '目标',
  '达到',
  '以上',
  '以下',
  '左右',
  '比较',
  '较高',
  '较低',
  '不足',
  '如何',
  // how profiles and summaries are written
  '从事',
  '研究',
  '研究方向',
  '领域',
  '专业',
  '经验',
  '丰富',
  '长期',
  '多年',
  '负责',
  '承担',
  '参与',
  '主持',
  '国家',
  '北京',
  '北京市',
  '大学',
  '学院',
  '教授',
  '研究员',
  '高级',
  '工程师',
  '博士',
  '成果',
  '技术',
  '应用',
  '开发',
  '适用',
  '适用于',
  '具备',
  '基于',
  '获得',
  '授权',
  '专利',
  '发明',
  '发明专利',
  '论文',
  '发表',
  '完成',
  '已经',
  '已',
  '等',
  '及',
  '与',
  '和',
  '的',
]);

/** A segment that carries meaning: two or more CJK characters, or a Latin/number token of two or more characters. */
const MEANINGFUL = /^(?:[\u4e00-\u9fff]{2,}|[a-z][a-z0-9.+-]+|\d+[a-z]+[a-z0-9]*)$/;

/** Terms of a text from its segments: lower-cased, meaningful, not a stop term. */
export function termsOf(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of segments) {
    const t = raw.trim().toLowerCase();
    if (!MEANINGFUL.test(t) || STOP_TERMS.has(t)) continue;
    out.push(t);
  }
  return out;
}

/** Each term and how often it occurs. */
export function termFrequencies(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}
