/** A problem with one field of one row of one data file, as users and `npm run data:check` see it. */
export interface Problem {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}`;
  return p.field === null ? `${where}: ${p.message}` : `${where}: ${p.field}: ${p.message}`;
}
