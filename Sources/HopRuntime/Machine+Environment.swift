import HopContracts
import HopLogic

/// The environment: the other end of a channel whose peer the
/// precondition does not own (a `client(e) [e |-> C{s}]` run alone) is
/// driven by the interpreter. At its turn it takes the first message queued
/// for it (what the message's invariant owns became the environment's when it was sent), or sends a
/// message its dual contract allows whose invariant carries no cells. Any
/// message a contract allows may thus arrive, which is what a `switch
/// receive` must be ready for (HH109).
extension Machine {
  /// The environment's endpoints that are still open.
  var environmentEndpoints: [Int] {
    heap.environmentActors.filter { heap.status(of: $0) == .endpoint }.sorted()
  }

  /// One move of the environment; false when it has none.
  func environmentStep() -> Bool {
    var moves: [(endpoint: Int, message: Int?)] = []
    for address in environmentEndpoints {
      let endpoint = heap.endpoint(address)!
      if endpoint.first != nil {
        moves.append((address, nil))
        continue
      }
      let automaton = program.automaton(endpoint.contract, dual: endpoint.isDual)
      for edge in automaton.outgoing(endpoint.state) where edge.direction == .send {
        guard let message = program.messageIndex[automaton.messageNames[edge.message]],
              !program.messageInvariants[message].isEmpty else { continue }
        moves.append((address, message))
      }
    }
    guard !moves.isEmpty else { return false }
    let first = moves.count == 1 ? 0 : random.below(moves.count)
    for offset in 0..<moves.count {
      let (address, message) = moves[(first + offset) % moves.count]
      if let message {
        guard send(message, fromEnvironment: address) else { continue }
        recordEnvironment(message: message, on: address, received: false)
      } else {
        var endpoint = heap.endpoint(address)!
        let head = endpoint.first!
        endpoint.dequeue()
        if let next = successor(endpoint, .receive, head.message) { endpoint.state = next }
        heap.updateEndpoint(address) { $0 = endpoint }
        recordEnvironment(message: head.message, on: address, received: true)
      }
      steps += 1
      return true
    }
    return false
  }

  /// Sends `message` from an environment endpoint: the transition first (the invariant speaks of
  /// the state after it), then what the invariant owns is built; false when it cannot be.
  private func send(_ message: Int, fromEnvironment address: Int) -> Bool {
    let endpoint = heap.endpoint(address)!
    guard let next = successor(endpoint, .send, message) else { return false }
    heap.updateEndpoint(address) { $0.state = next }
    guard let value = buildPayload(of: message, from: address) else {
      heap.updateEndpoint(address) { $0.state = endpoint.state }
      return false
    }
    heap.updateEndpoint(endpoint.peer) { $0.enqueue(QueuedMessage(message: message, value: value)) }
    return true
  }

  /// The value of a message the environment sends, with what its invariant owns allocated
  /// (owned by the environment until the program receives it); nil when it cannot be built.
  private func buildPayload(of message: Int, from sender: Int) -> Int? {
    let invariants = program.messageInvariants[message]
    let disjunct = invariants[random.below(invariants.count)]
    guard !disjunct.spatial.isEmpty else { return random.below(7) }
    let before = heap.status.count
    // The builder takes the only reference to the heap, so its allocations do not copy it.
    var builder = StateBuilder(program: program, random: random, maximumSize: 3, heap: heap)
    heap = ConcreteHeap(fieldCount: 1)
    builder.values["src"] = sender
    let failure = builder.placeAll(disjunct)
    random = builder.random
    heap = builder.heap
    // What was built is the environment's (in flight, or left over from a build that failed).
    for index in before..<heap.status.count { heap.environment.insert(ConcreteHeap.base + index) }
    return failure == nil ? builder.values["val"] ?? random.below(7) : nil
  }

  /// A message from the environment: what its invariant owns now belongs to the program.
  func takeFromEnvironment(_ message: QueuedMessage, sender: Int) {
    let invariant = program.messageInvariants[message.message]
    guard invariant.contains(where: { !$0.spatial.isEmpty }) else { return }
    let checker = ModelChecker(program: program, heap: heap) { name in
      name == "val" ? message.value : name == "src" ? sender : nil
    }
    let owned = heap.liveAddresses.filter { heap.environment.contains($0) && $0 != sender }
    if let footprint = checker.footprint(invariant, among: owned + (heap.environment.contains(sender) ? [sender] : [])) {
      heap.environment.subtract(footprint)
      heap.environmentActors.subtract(footprint)
    }
  }

  private func recordEnvironment(message: Int, on address: Int, received: Bool) {
    trace[traceNext] = RecordedStep(thread: -1, procedure: -1, pc: message, a: address, b: received ? 1 : 0)
    traceNext += 1
    if traceNext == Self.traceLength {
      traceNext = 0
      traceFilled = true
    }
  }

  /// The cells (or endpoints) the message's invariant describes, with `val` and `src` given,
  /// now belong to the environment (found by the model checker, after the send's transition).
  func giveToEnvironment(_ message: QueuedMessage, sender: Int) {
    let invariant = program.messageInvariants[message.message]
    guard invariant.contains(where: { !$0.spatial.isEmpty }) else { return }
    let checker = ModelChecker(program: program, heap: heap) { name in
      name == "val" ? message.value : name == "src" ? sender : nil
    }
    if let footprint = checker.footprint(invariant) { heap.environment.formUnion(footprint) }
  }
}
