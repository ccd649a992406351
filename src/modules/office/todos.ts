import type { Kernel } from '../../kernel/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { TodoItem, TodoSource } from './ports.ts';

/** One 待办 list across the office areas: each area registers a source; the list is merged by deadline. */
export class Todos {
  private readonly sources = new Map<TodoItem['kind'], TodoSource>();
  constructor(private readonly k: Kernel) {}

  register(kind: TodoItem['kind'], source: TodoSource): void {
    this.sources.set(kind, source);
  }

  async of(who: Principal, opts: { kind?: TodoItem['kind']; signature?: boolean } = {}): Promise<TodoItem[]> {
    const picked = [...this.sources.entries()].filter(([kind]) => !opts.kind || kind === opts.kind);
    const lists = await Promise.all(picked.map(([, source]) => source(who, this.k.db)));
    const all = lists.flat().filter((t) => !opts.signature || t.signature);
    // Overdue and due-soon first; things without a deadline after, oldest first.
    const due = (t: TodoItem) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
    return all.sort((a, b) => due(a) - due(b) || a.since.localeCompare(b.since));
  }
}
