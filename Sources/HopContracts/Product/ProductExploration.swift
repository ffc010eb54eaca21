import HopSyntax

/// What a breadth-first exploration of `C ‖ ~C` found.
///
/// Breadth-first order means every witness trace is a shortest one.
public struct ProductExploration: Hashable, Sendable {
  public var bounds: ExplorationBounds
  /// Configurations visited.
  public var configurationCount: Int
  /// True when every reachable configuration was visited: no bound was hit.
  public var isComplete: Bool
  /// The first reachable configuration with messages pending in both directions.
  public var bothDirectionsPending: ProductTrace?
  /// The first reachable configuration where neither side can move and the
  /// two sides are not both in the same final state with empty buffers.
  public var deadlock: ProductTrace?
}

extension ContractAutomaton {
  /// Explores the configurations of `C ‖ ~C` reachable from both endpoints in
  /// the initial state with empty buffers, within `bounds`.
  ///
  /// The endpoint follows this automaton and the peer its dual: a `!m` edge of
  /// the endpoint appends `m` to the buffer toward the peer, which the peer
  /// consumes with the same edge of `C` read as `?m`; symmetrically for
  /// `?m` edges. Exploration stops early once both kinds of witness are found.
  public func exploreProduct(bounds: ExplorationBounds = .standard) -> ProductExploration {
    let start = ProductConfiguration(endpointState: initialState, peerState: initialState)
    var configurations = [start]
    var index: [ProductConfiguration: Int] = [start: 0]
    var parent: [(configuration: Int, step: ProductStep)?] = [nil]
    var complete = true
    var pending: Int?
    var deadlock: Int?
    var head = 0

    while head < configurations.count {
      let current = configurations[head]
      let currentIndex = head
      head += 1
      if pending == nil, current.bothDirectionsPending { pending = currentIndex }
      var moved = false
      for (next, step, withinBounds) in moves(from: current, bounds: bounds) {
        moved = true
        guard withinBounds else {
          complete = false
          continue
        }
        guard index[next] == nil else { continue }
        guard configurations.count < bounds.maxConfigurations else {
          complete = false
          continue
        }
        index[next] = configurations.count
        configurations.append(next)
        parent.append((currentIndex, step))
      }
      if deadlock == nil, !moved, !isCleanlyClosable(current) { deadlock = currentIndex }
      if pending != nil, deadlock != nil { break }
    }

    func trace(to target: Int) -> ProductTrace {
      var steps: [ProductStep] = []
      var current = target
      while let link = parent[current] {
        steps.append(link.step)
        current = link.configuration
      }
      return ProductTrace(steps: steps.reversed(), configuration: configurations[target])
    }
    return ProductExploration(
      bounds: bounds, configurationCount: configurations.count, isComplete: complete && head == configurations.count,
      bothDirectionsPending: pending.map(trace), deadlock: deadlock.map(trace))
  }

  /// Both sides in the same final state with empty buffers: `close` is possible.
  func isCleanlyClosable(_ configuration: ProductConfiguration) -> Bool {
    configuration.endpointState == configuration.peerState && isFinal[configuration.endpointState]
      && configuration.towardPeer.isEmpty && configuration.towardEndpoint.isEmpty
  }

  /// Every move from `configuration`, with whether its result respects the buffer bound.
  /// The peer follows ~C: a `?m` edge of C is a send of the peer, a `!m` edge a receive.
  private func moves(from configuration: ProductConfiguration, bounds: ExplorationBounds)
    -> [(ProductConfiguration, ProductStep, Bool)] {
    typealias Buffer = WritableKeyPath<ProductConfiguration, [Int]>
    let sides: [(ProductSide, WritableKeyPath<ProductConfiguration, Int>, outbox: Buffer, inbox: Buffer)] = [
      (.endpoint, \.endpointState, \.towardPeer, \.towardEndpoint),
      (.peer, \.peerState, \.towardEndpoint, \.towardPeer),
    ]
    var result: [(ProductConfiguration, ProductStep, Bool)] = []
    for (side, state, outbox, inbox) in sides {
      for edge in outgoing(configuration[keyPath: state]) {
        let direction = side == .endpoint ? edge.direction : edge.direction.dual
        var next = configuration
        next[keyPath: state] = edge.target
        switch direction {
        case .send:
          next[keyPath: outbox].append(edge.message)
        case .receive:
          guard configuration[keyPath: inbox].first == edge.message else { continue }
          next[keyPath: inbox].removeFirst()
        }
        result.append((next, ProductStep(side: side, direction: direction, message: edge.message),
                       next[keyPath: outbox].count <= bounds.maxBufferLength))
      }
    }
    return result
  }
}
