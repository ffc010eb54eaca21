import HopSyntax

/// Which endpoint of the channel moves in the product `C ‖ ~C`.
public enum ProductSide: String, Hashable, Sendable {
  /// The endpoint that follows `C`.
  case endpoint
  /// Its peer, which follows `~C`.
  case peer
}

/// A global state of the product `C ‖ ~C`: both endpoints' contract states
/// and the two FIFO buffers (message indices, oldest first).
public struct ProductConfiguration: Hashable, Sendable {
  /// The state of the endpoint following `C`.
  public var endpointState: Int
  /// The state of the peer following `~C`.
  public var peerState: Int
  /// Sent by the endpoint, not yet received by the peer.
  public var towardPeer: [Int]
  /// Sent by the peer, not yet received by the endpoint.
  public var towardEndpoint: [Int]

  public init(endpointState: Int, peerState: Int, towardPeer: [Int] = [], towardEndpoint: [Int] = []) {
    self.endpointState = endpointState
    self.peerState = peerState
    self.towardPeer = towardPeer
    self.towardEndpoint = towardEndpoint
  }

  /// Both directions hold pending messages: what half-duplex forbids.
  public var bothDirectionsPending: Bool { !towardPeer.isEmpty && !towardEndpoint.isEmpty }
}

/// One move of the product: a side sends or receives a message. The
/// direction is the moving side's own (`?m` for the peer receiving what `C` sends).
public struct ProductStep: Hashable, Sendable {
  public var side: ProductSide
  public var direction: Direction
  public var message: Int
}

/// A path of moves from the initial configuration and the configuration it reaches.
public struct ProductTrace: Hashable, Sendable {
  public var steps: [ProductStep]
  public var configuration: ProductConfiguration
}

/// The limits of a product exploration. Buffers of a contract pair can grow
/// without bound, so exploration is cut off; analyses then say "unknown"
/// unless a theorem settles the question.
public struct ExplorationBounds: Hashable, Sendable {
  /// The most messages one buffer may hold; a send that would exceed it is not explored.
  public var maxBufferLength: Int
  /// The most configurations visited before giving up.
  public var maxConfigurations: Int

  public init(maxBufferLength: Int = 16, maxConfigurations: Int = 100_000) {
    self.maxBufferLength = max(1, maxBufferLength)
    self.maxConfigurations = max(1, maxConfigurations)
  }

  /// The defaults: 16 messages per buffer, 100,000 configurations.
  public static let standard = ExplorationBounds()
}

extension ContractAutomaton {
  /// `!cell` / `?ack` from the side's own point of view, prefixed by who moves.
  public func describe(_ step: ProductStep) -> String {
    let who = step.side == .endpoint ? displayName : dual().displayName
    return "\(who): \(step.direction.rawValue)\(messageNames[step.message])"
  }

  /// `(s, t) [a, b | c]`: both states, then the buffer toward the peer and the one toward the endpoint.
  public func describe(_ configuration: ProductConfiguration) -> String {
    let toPeer = configuration.towardPeer.map { messageNames[$0] }.joined(separator: ", ")
    let toEndpoint = configuration.towardEndpoint.map { messageNames[$0] }.joined(separator: ", ")
    return "(\(stateNames[configuration.endpointState]), \(stateNames[configuration.peerState])) "
      + "buffers \(displayName)→peer [\(toPeer)], peer→\(displayName) [\(toEndpoint)]"
  }

  /// The steps of a trace, joined as `C: !cell · ~C: ?cell · ...` (or "(initial configuration)").
  public func describe(_ trace: ProductTrace) -> String {
    trace.steps.isEmpty ? "(initial configuration)" : trace.steps.map(describe).joined(separator: " · ")
  }
}
