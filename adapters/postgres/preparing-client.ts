import pg from 'pg';

/** One name per statement text, the same on every connection of this process. */
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `advisor_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A pool connection that prepares each statement with parameters the first time it runs it, and
 * runs it by name after: PostgreSQL then parses and analyses it once per connection instead of on
 * every call (the turn's statements are CTEs, the costliest part of a turn on the server). Every
 * statement text the stores run is fixed, so the names stay few, and names its columns (no `*`):
 * a kept statement whose result changed shape (a newer release adding a column) would fail on
 * every call. Statements without parameters (migrations, DDL) run as before.
 */
export class PreparingClient extends pg.Client {
  // pg's query has a dozen overloads; this adds a name to the (text, values) ones and passes every call on.
  // biome-ignore lint/suspicious/noExplicitAny: the overloads' own argument types
  override query(...args: any[]): any {
    const [first, values, ...rest] = args;
    if (typeof first === 'string' && Array.isArray(values)) return super.query({ name: nameOf(first), text: first, values }, ...rest);
    return (super.query as (...a: unknown[]) => unknown)(...args);
  }
}
