// Long lists are written and looked up in parts: a statement binds a bounded number of parameters.

/** Ids per `in (...)` list: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export const IDS_PER_QUERY = 1000;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
