/**
 * One index of the literals every phrase-list entry needs (see required-literals.ts), shared by
 * all lists of a thread. A message is scanned once, and the answer (which literals it holds) is
 * kept for the messages asked about last, so the forty lists the rules consult on one message pay
 * for one scan, not forty regular-expression passes.
 */
interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  /** The literal that ends here. */
  id: number;
}

export class LiteralIndex {
  private readonly ids = new Map<string, number>();
  /** The literals as a trie of UTF-16 units: a scan walks it from each position of a text. */
  private readonly root: TrieNode = { next: undefined, id: -1 };
  private readonly found = new Map<string, ReadonlySet<number>>();

  /** The id of a literal, added on first use. */
  add(literal: string): number {
    const known = this.ids.get(literal);
    if (known !== undefined) return known;
    const id = this.ids.size;
    this.ids.set(literal, id);
    let node = this.root;
    for (let i = 0; i < literal.length; i++) {
      const code = literal.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: undefined, id: -1 }));
      node = child;
    }
    node.id = id;
    // What was found before does not know the new literal.
    this.found.clear();
    return id;
  }

  /** The ids of the literals `text` holds. */
  present(text: string): ReadonlySet<number> {
    const cached = this.found.get(text);
    if (cached) return cached;
    const ids = new Set<number>();
    const first = this.root.next;
    if (first) {
      for (let i = 0; i < text.length; i++) {
        let node = first.get(text.charCodeAt(i));
        for (let j = i + 1; node; j++) {
          if (node.id >= 0) ids.add(node.id);
          if (!node.next || j >= text.length) break;
          node = node.next.get(text.charCodeAt(j));
        }
      }
    }
    // Enough for every list the rules ask about on a conversation's messages; then it starts afresh.
    if (this.found.size >= 4096) this.found.clear();
    this.found.set(text, ids);
    return ids;
  }
}

/** The index of this thread's lists. */
export const literalIndex = new LiteralIndex();
