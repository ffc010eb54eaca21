import HopSyntax

/// Breadth-first searches over a contract's states, shared by the properties
/// and the lint checks so each graph walk is written once.
extension ContractAutomaton {
  /// `result[s]` is true when `s` is reachable from `start` following edges
  /// that `follow` accepts.
  func reachable(from start: [Int], following follow: (Edge) -> Bool = { _ in true }) -> [Bool] {
    breadthFirst(from: start) { s in outgoing(s).filter(follow).map(\.target) }
  }

  /// `result[s]` is true when some state of `targets` is reachable from `s`.
  func canReach(_ targets: [Int]) -> [Bool] {
    var incoming = Array(repeating: [Int](), count: stateCount)
    for edge in edges { incoming[edge.target].append(edge.source) }
    return breadthFirst(from: targets) { incoming[$0] }
  }

  /// The states visited by a breadth-first search from `start` along `neighbors`.
  private func breadthFirst(from start: [Int], neighbors: (Int) -> [Int]) -> [Bool] {
    var seen = Array(repeating: false, count: stateCount)
    var queue = start
    for s in start { seen[s] = true }
    var head = 0
    while head < queue.count {
      let s = queue[head]
      head += 1
      for t in neighbors(s) where !seen[t] {
        seen[t] = true
        queue.append(t)
      }
    }
    return seen
  }

  /// A shortest non-empty path of edges accepted by `follow` from `start`
  /// back to `start` (a cycle through it), or nil when there is none.
  func shortestCycle(through start: Int, following follow: (Edge) -> Bool) -> [Edge]? {
    var parent: [Int: Edge] = [:]
    var queue: [Int] = []
    var head = 0
    for edge in outgoing(start) where follow(edge) {
      if edge.target == start { return [edge] }
      if parent[edge.target] == nil {
        parent[edge.target] = edge
        queue.append(edge.target)
      }
    }
    while head < queue.count {
      let s = queue[head]
      head += 1
      for edge in outgoing(s) where follow(edge) {
        if edge.target == start {
          var path = [edge]
          var current = s
          while current != start, let step = parent[current] {
            path.append(step)
            current = step.source
          }
          return path.reversed()
        }
        if parent[edge.target] == nil {
          parent[edge.target] = edge
          queue.append(edge.target)
        }
      }
    }
    return nil
  }
}
