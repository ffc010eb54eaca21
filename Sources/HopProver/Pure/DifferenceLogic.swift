import HopLogic

/// Decides conjunctions of difference constraints over the integers without
/// Z3: every term is a variable or a constant plus or minus a constant, and
/// every fact compares two of them (`x < y + 1`, `k != 0`, `i == n - 1`).
/// That covers the loop counters and bounds of most Smallfoot programs, so
/// they never start Z3 (whose start costs more than checking the program).
///
/// The order and equality facts are edges `u - v <= w` of a graph: they are
/// satisfiable over the integers exactly when the graph has no negative
/// cycle (Bellman-Ford), and then the shortest distances are a model. The
/// answer `unsatisfiable` is exact; `satisfiable` is given only when that
/// model also meets every disequality. Otherwise (or outside the fragment)
/// the answer is nil and the next solver decides.
public struct DifferenceLogic: PureSolver {
  public init() {}

  /// A term as `node + offset`; the node nil is the constant 0.
  private struct Point {
    var node: Term?
    var offset: BigInteger
  }

  private static func point(_ term: Term) -> Point? {
    switch term {
    case .variable: return Point(node: term, offset: BigInteger(0))
    case .null, .integer: return term.constantValue.map { Point(node: nil, offset: $0) }
    case .binary(.plus, let left, let right):
      if let c = right.constantValue, let p = point(left) { return Point(node: p.node, offset: p.offset + c) }
      if let c = left.constantValue, let p = point(right) { return Point(node: p.node, offset: p.offset + c) }
      return nil
    case .binary(.minus, let left, let right):
      guard let c = right.constantValue, let p = point(left) else { return nil }
      return Point(node: p.node, offset: p.offset - c)
    case .negate(let inner):
      guard let c = inner.constantValue else { return nil }
      return Point(node: nil, offset: -c)
    case .binary:
      return nil
    }
  }

  public func satisfiability(of facts: [PureAtom]) -> Satisfiability? {
    // Edge (from, to, weight): value(to) - value(from) <= weight. Node index 0 is the constant 0.
    var index: [Term: Int] = [:]
    func node(_ term: Term?) -> Int {
      guard let term else { return 0 }
      if let known = index[term] { return known }
      index[term] = index.count + 1
      return index.count
    }
    var edges: [(Int, Int, BigInteger)] = []
    var distinct: [(Point, Point)] = []
    // a <= b + k, as value(a) - value(b) <= k: an edge from b to a.
    func atMost(_ a: Point, _ b: Point, _ slack: BigInteger) {
      edges.append((node(b.node), node(a.node), b.offset - a.offset + slack))
    }
    for fact in facts {
      let terms = fact.terms
      guard let a = Self.point(terms[0]), let b = Self.point(terms[1]) else { return nil }
      switch fact {
      case .equal: atMost(a, b, BigInteger(0)); atMost(b, a, BigInteger(0))
      case .lessEqual: atMost(a, b, BigInteger(0))
      case .less: atMost(a, b, BigInteger(-1))
      case .notEqual:
        _ = (node(a.node), node(b.node))
        distinct.append((a, b))
      }
    }
    let count = index.count + 1
    guard var distance = Self.shortestDistances(edges, count: count) else { return .unsatisfiable }
    // The model value(x) = distance(x) - distance(0), with the constant node at 0. A disequality
    // it breaks is tried as an order (a < b, else b < a); if neither fits, the question goes on.
    func value(_ p: Point) -> BigInteger {
      (p.node.map { distance[index[$0]!] } ?? distance[0]) - distance[0] + p.offset
    }
    var chosen = false
    for _ in 0..<(2 * distinct.count + 1) {
      guard let (a, b) = distinct.first(where: { value($0.0) == value($0.1) }) else { return .satisfiable }
      var ordered = edges
      ordered.append((node(b.node), node(a.node), b.offset - a.offset - BigInteger(1)))
      if let next = Self.shortestDistances(ordered, count: count) {
        (edges, distance, chosen) = (ordered, next, true)
        continue
      }
      ordered = edges
      ordered.append((node(a.node), node(b.node), a.offset - b.offset - BigInteger(1)))
      guard let next = Self.shortestDistances(ordered, count: count) else {
        // Neither order fits: a == b is forced — by the facts themselves if no order was chosen yet.
        return chosen ? nil : .unsatisfiable
      }
      (edges, distance, chosen) = (ordered, next, true)
    }
    return nil
  }

  /// Bellman-Ford from a virtual source at distance 0 to every node; nil on a negative cycle.
  private static func shortestDistances(_ edges: [(Int, Int, BigInteger)], count: Int) -> [BigInteger]? {
    var distance = [BigInteger](repeating: BigInteger(0), count: count)
    for _ in 0...count {
      var changed = false
      for (from, to, weight) in edges where distance[from] + weight < distance[to] {
        distance[to] = distance[from] + weight
        changed = true
      }
      if !changed { return distance }
    }
    return nil  // still relaxing after |V| rounds: a negative cycle
  }
}
