/** SQL written with `?` placeholders (as SQLite takes them) in PostgreSQL's numbered form ($1, $2…). */
export function numberedParams(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
