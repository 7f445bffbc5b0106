/** One question of a paper as the server keeps it: the key stays on the server until submission. */
export type KeyedQuestion = { id: string; answer: string[] };

/** A choice is right only when it names exactly the key's letters (多选: no partial credit). */
export const sameChoice = (given: readonly string[] | undefined, key: readonly string[]) =>
  !!given && given.length === key.length && [...new Set(given)].length === given.length && key.every((k) => given.includes(k));

/**
 * 评分: 100 points shared equally over the paper's questions, rounded to a whole point; an
 * unanswered question scores nothing. Passed at or above the pass mark.
 */
export function scorePaper(paper: readonly KeyedQuestion[], answers: Record<string, readonly string[]>, passMark: number) {
  const results = paper.map((q) => ({ id: q.id, right: sameChoice(answers[q.id], q.answer) }));
  const correct = results.filter((r) => r.right).length;
  const score = paper.length ? Math.round((100 * correct) / paper.length) : 0;
  return { results, correct, score, passed: score >= passMark };
}
