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

/** What one text holds: its literals, and then, per list, the entries that can match it. */
interface Found {
  readonly ids: ReadonlySet<number>;
  byList?: Array<readonly number[] | undefined>;
}

const NONE: readonly number[] = [];

export class LiteralIndex {
  private readonly ids = new Map<string, number>();
  /** The literals as a trie of UTF-16 units: a scan walks it from each position of a text. */
  private readonly root: TrieNode = { next: undefined, id: -1 };
  private readonly found = new Map<string, Found>();
  /** For each literal id, the entries (numbered across all lists) that need it. */
  private readonly postings: number[][] = [];
  /** For each entry number, its list and its index in that list. */
  private readonly entryList: number[] = [];
  private readonly entryIndex: number[] = [];
  private lists = 0;
  /** Which text last took each entry, so an entry with two literals present is listed once. */
  private stamp = new Uint32Array(64);
  private texts = 0;

  /** The id of a literal, added on first use. */
  add(literal: string): number {
    const known = this.ids.get(literal);
    if (known !== undefined) return known;
    const id = this.ids.size;
    this.ids.set(literal, id);
    this.postings.push([]);
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

  /**
   * Registers a list whose entries each need one of their literal ids (see add), and returns the
   * list's number for entriesFor.
   */
  addList(needs: ReadonlyArray<readonly number[]>): number {
    const list = this.lists++;
    needs.forEach((ids, index) => {
      const entry = this.entryList.length;
      this.entryList.push(list);
      this.entryIndex.push(index);
      for (const id of new Set(ids)) this.postings[id]!.push(entry);
    });
    if (this.stamp.length < this.entryList.length) {
      const grown = new Uint32Array(Math.max(this.entryList.length, this.stamp.length * 2));
      grown.set(this.stamp);
      this.stamp = grown;
    }
    this.found.clear();
    return list;
  }

  /** The ids of the literals `text` holds. */
  present(text: string): ReadonlySet<number> {
    return this.lookup(text).ids;
  }

  /**
   * The indexes of list `list`'s entries whose literals `text` holds, in no particular order. The
   * first list asked about a text sorts them out for every list at once.
   */
  entriesFor(text: string, list: number): readonly number[] {
    const found = this.lookup(text);
    found.byList ??= this.sortByList(found.ids);
    return found.byList[list] ?? NONE;
  }

  private sortByList(ids: ReadonlySet<number>): Array<readonly number[] | undefined> {
    const byList: number[][] = [];
    // The stamp wraps before it outgrows its 32 bits; 0 marks an entry not yet taken.
    const text = (this.texts = this.texts >= 0xfffffffe ? 1 : this.texts + 1);
    if (text === 1) this.stamp.fill(0);
    for (const id of ids) {
      for (const entry of this.postings[id]!) {
        if (this.stamp[entry] === text) continue;
        this.stamp[entry] = text;
        const list = this.entryList[entry]!;
        (byList[list] ??= []).push(this.entryIndex[entry]!);
      }
    }
    return byList;
  }

  private lookup(text: string): Found {
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
    const found: Found = { ids };
    this.found.set(text, found);
    return found;
  }
}

/** The index of this thread's lists. */
export const literalIndex = new LiteralIndex();
