import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectedComponents } from './components.ts';

describe('connectedComponents', () => {
  it('joins through chains, keeps loners, orders members and components by code', () => {
    expect(connectedComponents(['d', 'b', 'a', 'c', 'e'], [['c', 'b'], ['e', 'c']])).toEqual([['a'], ['b', 'c', 'e'], ['d']]);
  });

  it('throws on an edge to an unknown node', () => {
    expect(() => connectedComponents(['a'], [['a', 'z']])).toThrow('a–z');
  });

  it('property: the answer depends only on the sets of nodes and edges, not their order', () => {
    const graph = fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.record({
        nodes: fc.constant(Array.from({ length: n }, (_, i) => `p${String(i).padStart(2, '0')}`)),
        edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 40 }),
      }),
    );
    fc.assert(
      fc.property(graph, fc.integer(), ({ nodes, edges }, seed) => {
        const named = edges.map(([a, b]) => [nodes[a]!, nodes[b]!] as const);
        const shuffle = <T>(xs: readonly T[]) => [...xs].map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 })).sort((a, b) => a.k - b.k).map((o) => o.x);
        const flipped = named.map(([a, b]) => [b, a] as const);
        const result = connectedComponents(nodes, named);
        expect(connectedComponents(shuffle(nodes), shuffle(flipped))).toEqual(result);
        expect(result.flat().sort()).toEqual([...nodes].sort());
        for (const [a, b] of named) expect(result.find((g) => g.includes(a))).toContain(b);
      }),
      { numRuns: 200 },
    );
  });
});
