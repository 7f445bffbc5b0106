/** 评估等级 needs both validity dates, in order; null when the three fields agree. */
export function ratingProblem(rating: string | null, from: string | null, until: string | null): string | null {
  if (!rating) return from || until ? '未填写评估等级时不应填写有效期。' : null;
  if (!from || !until) return `评估等级${rating}须填写有效期起止日期。`;
  if (from > until) return `评估等级有效期起（${from}）晚于有效期止（${until}）。`;
  return null;
}
