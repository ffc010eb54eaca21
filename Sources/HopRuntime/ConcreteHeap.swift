/// One message in flight: which message (program index) and the value it carries.
public struct QueuedMessage: Hashable, Sendable {
  public var message: Int
  public var value: Int
}

/// An endpoint object: the contract it follows (`C` or `~C`), its current
/// contract state, its peer, and the FIFO queue of messages sent to it.
public struct Endpoint: Hashable, Sendable {
  public var contract: Int
  public var isDual: Bool
  public var state: Int
  public var peer: Int
  /// Messages from the peer, oldest at `inbox[inboxHead]`.
  var inbox: [QueuedMessage] = []
  var inboxHead = 0

  public init(contract: Int, isDual: Bool, state: Int, peer: Int) {
    self.contract = contract
    self.isDual = isDual
    self.state = state
    self.peer = peer
  }

  public var pending: ArraySlice<QueuedMessage> { inbox[inboxHead...] }
  var first: QueuedMessage? { inboxHead < inbox.count ? inbox[inboxHead] : nil }

  mutating func enqueue(_ message: QueuedMessage) { inbox.append(message) }

  mutating func dequeue() {
    inboxHead += 1
    if inboxHead == inbox.count {
      inbox.removeAll(keepingCapacity: true)
      inboxHead = 0
    }
  }
}

/// The concrete heap: cells with every field of the program, and endpoints.
///
/// Addresses start at `base` and are never reused, so an access to a disposed
/// cell is always recognised as dangling. Field values are one flat array
/// (`fieldCount` per address) so a field access is two multiplications away.
public struct ConcreteHeap: Sendable {
  /// The first address; smaller numbers (small integers, NULL) are never addresses.
  public static let base = 1000

  /// What an address holds.
  public enum Status: UInt8, Sendable {
    case cell, endpoint, disposedCell, disposedEndpoint
  }

  public let fieldCount: Int
  var status: [Status] = []
  var values: [Int] = []
  var endpoints: [Int: Endpoint] = [:]
  /// Number of addresses currently allocated.
  public private(set) var liveCount = 0
  /// Addresses the simulated environment owns: the other end of an endpoint whose peer the
  /// precondition does not own, and what that end has received. They are not the program's,
  /// so no formula has to describe them.
  public var environment = Set<Int>()
  /// The environment's endpoints that it acts on (sends and receives); in-flight objects it
  /// owns only until the program receives them are in `environment` but not here.
  public var environmentActors = Set<Int>()

  public init(fieldCount: Int) { self.fieldCount = max(1, fieldCount) }

  /// What `address` is: nil for NULL or an address never allocated.
  @inline(__always)
  public func status(of address: Int) -> Status? {
    let index = address &- Self.base
    return index >= 0 && index < status.count ? status[index] : nil
  }

  /// Every allocated address, ascending.
  public var liveAddresses: [Int] {
    status.indices.filter { status[$0] == .cell || status[$0] == .endpoint }.map { $0 + Self.base }
  }

  /// The allocated addresses the program owns (all but the environment's), ascending.
  public var programAddresses: [Int] {
    environment.isEmpty ? liveAddresses : liveAddresses.filter { !environment.contains($0) }
  }

  /// A new cell whose fields have the given values (C's `malloc` leaves them unspecified).
  public mutating func allocateCell(fields initial: (Int) -> Int) -> Int {
    let address = Self.base + status.count
    status.append(.cell)
    for field in 0..<fieldCount { values.append(initial(field)) }
    liveCount += 1
    return address
  }

  @inline(__always)
  public func field(_ address: Int, _ field: Int) -> Int { values[(address &- Self.base) &* fieldCount &+ field] }

  @inline(__always)
  public mutating func setField(_ address: Int, _ field: Int, _ value: Int) {
    values[(address &- Self.base) &* fieldCount &+ field] = value
  }

  /// Frees an allocated cell or endpoint (the caller has checked `status(of:)`).
  public mutating func free(_ address: Int) {
    let index = address - Self.base
    status[index] = status[index] == .endpoint ? .disposedEndpoint : .disposedCell
    endpoints[address] = nil
    liveCount -= 1
  }

  /// Two new endpoints, each the other's peer, in `state` (normally the contract's initial one).
  public mutating func openChannel(contract: Int, state: Int) -> (Int, Int) {
    let first = allocateEndpointAddress()
    let second = allocateEndpointAddress()
    endpoints[first] = Endpoint(contract: contract, isDual: false, state: state, peer: second)
    endpoints[second] = Endpoint(contract: contract, isDual: true, state: state, peer: first)
    return (first, second)
  }

  private mutating func allocateEndpointAddress() -> Int {
    let address = Self.base + status.count
    status.append(.endpoint)
    values.append(contentsOf: repeatElement(0, count: fieldCount))
    liveCount += 1
    return address
  }

  /// The endpoint at `address`, when it is one.
  public func endpoint(_ address: Int) -> Endpoint? { endpoints[address] }

  mutating func updateEndpoint(_ address: Int, _ change: (inout Endpoint) -> Void) {
    change(&endpoints[address]!)
  }
}
