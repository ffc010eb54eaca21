import HopContracts
import HopSyntax

/// Message passing: each endpoint holds the queue of messages its peer sent,
/// and its contract state moves with every send and receive, so a command
/// with no transition, or a message nobody can take, faults where it happens.
extension Machine {
  /// The endpoint at `address`, or the memory fault of using something else as one.
  func requireEndpoint(_ address: Int) throws(Stop) -> Endpoint {
    switch heap.status(of: address) {
    case .endpoint: return heap.endpoint(address)!
    case .disposedCell, .disposedEndpoint:
      throw Stop(kind: .danglingDereference, message: "address \(address) has been disposed or closed")
    case .cell: throw Stop(kind: .invalidAddress, message: "address \(address) is a cell, not an endpoint")
    case nil: throw Self.unallocated(address)
    }
  }

  func describeState(_ endpoint: Endpoint) -> String {
    let automaton = program.automaton(endpoint.contract, dual: endpoint.isDual)
    return "state '\(automaton.stateNames[endpoint.state])' of \(automaton.displayName)"
  }

  /// The state after `direction message`, or nil when the endpoint's contract has no such transition.
  func successor(_ endpoint: Endpoint, _ direction: Direction, _ message: Int) -> Int? {
    let local = program.contractMessage[endpoint.contract][message]
    guard local >= 0 else { return nil }
    return program.automaton(endpoint.contract, dual: endpoint.isDual).successor(endpoint.state, direction, local)
  }

  func send(_ message: Int, on address: Int, value: Int) throws(Stop) {
    let endpoint = try requireEndpoint(address)
    guard let next = successor(endpoint, .send, message) else {
      throw Stop(kind: .contractViolation,
                 message: "endpoint \(address) in \(describeState(endpoint)) cannot send '\(program.messages[message])'")
    }
    heap.updateEndpoint(address) { $0.state = next }
    let queued = QueuedMessage(message: message, value: value)
    heap.updateEndpoint(endpoint.peer) { $0.enqueue(queued) }
    // Ownership leaves with the message when it is sent: to the environment, it is gone.
    if heap.environmentActors.contains(endpoint.peer), !heap.environment.contains(address) {
      giveToEnvironment(queued, sender: address)
    }
  }

  /// Takes the first message of one of the endpoints that has one (chosen at
  /// random), if a branch lists it; nil when every endpoint's queue is empty.
  func receive(_ messages: [Int], on addresses: [Int]) throws(Stop) -> (branch: Int, value: Int)? {
    var ready: [Int] = []
    for (message, address) in zip(messages, addresses) {
      let endpoint = try requireEndpoint(address)
      guard successor(endpoint, .receive, message) != nil else {
        throw Stop(kind: .contractViolation,
                   message: "endpoint \(address) in \(describeState(endpoint)) cannot receive '\(program.messages[message])'")
      }
      if endpoint.first != nil, !ready.contains(address) { ready.append(address) }
    }
    guard !ready.isEmpty else { return nil }
    let address = ready.count == 1 ? ready[0] : ready[random.below(ready.count)]
    let endpoint = heap.endpoint(address)!
    let head = endpoint.first!
    guard let next = successor(endpoint, .receive, head.message) else {
      throw Stop(kind: .unexpectedMessage,
                 message: "'\(program.messages[head.message])' arrived on endpoint \(address), which in "
                   + "\(describeState(endpoint)) cannot receive it")
    }
    guard let branch = messages.indices.first(where: { messages[$0] == head.message && addresses[$0] == address }) else {
      throw Stop(kind: .unexpectedMessage,
                 message: "'\(program.messages[head.message])' arrived on endpoint \(address), but the receive does not "
                   + "take it")
    }
    heap.updateEndpoint(address) {
      $0.dequeue()
      $0.state = next
    }
    if heap.environmentActors.contains(endpoint.peer) { takeFromEnvironment(head, sender: endpoint.peer) }
    return (branch, head.value)
  }

  func close(_ first: Int, _ second: Int) throws(Stop) {
    let e = try requireEndpoint(first)
    let f = try requireEndpoint(second)
    guard first != second, e.peer == second, f.peer == first else {
      throw Stop(kind: .closeNotPeers, message: "endpoints \(first) and \(second) are not the two ends of one channel")
    }
    let automaton = program.automaton(e.contract, dual: e.isDual)
    guard e.state == f.state, automaton.isFinal[e.state] else {
      throw Stop(kind: .closeNotFinal,
                 message: "endpoint \(first) is in \(describeState(e)) and endpoint \(second) in \(describeState(f))"
                   + "; close needs one final state")
    }
    let queued = e.pending.count + f.pending.count
    guard queued == 0 else {
      let names = (e.pending + f.pending).map { "'\(program.messages[$0.message])'" }.joined(separator: ", ")
      throw Stop(kind: .closeWithMessages, message: "\(queued == 1 ? "1 message" : "\(queued) messages") still queued on the channel: \(names)")
    }
    heap.free(first)
    heap.free(second)
  }
}
