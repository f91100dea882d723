/**
 * Connected components of an undirected graph whose nodes are keys (不动产单元代码): a small
 * union-find. The answer depends only on the sets of nodes and edges, never on their order:
 * each component's keys are sorted, and components are ordered by their smallest key.
 */
export function connectedComponents(nodes: readonly string[], edges: readonly (readonly [string, string])[]): string[][] {
  const index = new Map<string, number>();
  for (const key of nodes) if (!index.has(key)) index.set(key, index.size);
  const parent = Array.from({ length: index.size }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) [i, parent[i]] = [parent[i]!, root];
    return root;
  };
  for (const [a, b] of edges) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined) throw new Error(`边 ${a}–${b} 的端点不在节点中`);
    const [ra, rb] = [find(ia), find(ib)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, string[]>();
  for (const [key, i] of index) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(key);
    else groups.set(root, [key]);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.values()].map((g) => g.sort(cmp)).sort((a, b) => cmp(a[0]!, b[0]!));
}
