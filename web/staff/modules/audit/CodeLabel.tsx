/**
 * An audit action or entity type: its readable name with the stable code beneath (the code alone when unnamed). The
 * caller names it — actions from its one `useActionLabels()` map, entity types by `entityLabel` — so a page of rows
 * builds the action map once, not once per cell.
 */
export function CodeLabel({ code, label }: { code: string; label: string | null | undefined }) {
  if (!label) return <code>{code}</code>;
  return (
    <span className="mz-code-label">
      <span>{label}</span>
      <code className="mz-muted">{code}</code>
    </span>
  );
}
