import HopSyntax

/// Why a state is not synchronizing: a cycle through it whose edges all go
/// in one direction (all sends or all receives).
public struct OneWayCycleWitness: Hashable, Sendable {
  public var state: Int
  public var direction: Direction
  /// The cycle, starting and ending at `state`.
  public var cycle: [ContractAutomaton.Edge]
}

extension ContractAutomaton {
  /// **Synchronizing state**: every cycle through `state` contains at least
  /// one send and one receive (docs/language.md §2.6). Returns nil when `state` is
  /// synchronizing, else a shortest one-direction cycle through it (sends
  /// are looked for first). Linear in the size of the contract.
  public func oneWayCycle(through state: Int) -> OneWayCycleWitness? {
    for direction in Direction.allCases {
      if let cycle = shortestCycle(through: state, following: { $0.direction == direction }) {
        return OneWayCycleWitness(state: state, direction: direction, cycle: cycle)
      }
    }
    return nil
  }

  /// `result[s]` is true when `s` lies on a one-direction cycle, i.e. is not
  /// synchronizing. All states at once, in linear time: a state is on a cycle
  /// of the sends-only (receives-only) subgraph exactly when its strongly
  /// connected component there has a cycle.
  public func nonSynchronizingStates() -> [Bool] {
    var result = Array(repeating: false, count: stateCount)
    for direction in Direction.allCases {
      let onCycle = statesOnCycles(following: { $0.direction == direction })
      for s in 0..<stateCount where onCycle[s] { result[s] = true }
    }
    return result
  }

  /// The final states that are not synchronizing, in index order.
  public func nonSynchronizingFinalStates() -> [Int] {
    let bad = nonSynchronizingStates()
    return finalStates.filter { bad[$0] }
  }

  /// `result[s]` is true when `s` is on a cycle of the subgraph of edges
  /// accepted by `follow` (iterative Tarjan, so deep graphs do not overflow the stack).
  func statesOnCycles(following follow: (Edge) -> Bool) -> [Bool] {
    var index = Array(repeating: -1, count: stateCount)
    var low = Array(repeating: 0, count: stateCount)
    var onStack = Array(repeating: false, count: stateCount)
    var stack: [Int] = []
    var result = Array(repeating: false, count: stateCount)
    var counter = 0
    // Each frame: (state, position of the next edge to look at).
    var frames: [(state: Int, next: Int)] = []
    for root in 0..<stateCount where index[root] < 0 {
      frames.append((root, 0))
      index[root] = counter; low[root] = counter; counter += 1
      stack.append(root); onStack[root] = true
      while let frame = frames.last {
        let s = frame.state
        let out = outgoing(s)
        var position = frame.next
        var descended = false
        while position < out.count {
          let edge = out[out.startIndex + position]
          position += 1
          guard follow(edge) else { continue }
          let t = edge.target
          if t == s { result[s] = true }
          if index[t] < 0 {
            frames[frames.count - 1].next = position
            index[t] = counter; low[t] = counter; counter += 1
            stack.append(t); onStack[t] = true
            frames.append((t, 0))
            descended = true
            break
          } else if onStack[t] {
            low[s] = min(low[s], index[t])
          }
        }
        if descended { continue }
        frames.removeLast()
        if let parent = frames.last { low[parent.state] = min(low[parent.state], low[s]) }
        if low[s] == index[s] {
          var component: [Int] = []
          while let top = stack.popLast() {
            onStack[top] = false
            component.append(top)
            if top == s { break }
          }
          if component.count > 1 { for member in component { result[member] = true } }
        }
      }
    }
    return result
  }
}
