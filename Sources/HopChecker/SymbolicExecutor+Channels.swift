import HopContracts
import HopLogic
import HopProver
import HopSyntax

/// The channel commands of Heap-Hop (docs/language.md §2.5, after Villard, Lozes
/// and Calcagno): endpoints are cells of the symbolic heap that carry their
/// contract and the set of states they may be in; a message moves the
/// ownership its invariant describes from the sender's state to the
/// receiver's.
extension SymbolicExecutor {
  /// `(e, f) = open(C)`: two fresh endpoints, each the other's peer, in C's initial state.
  mutating func open(_ first: String, _ second: String, _ contractName: Identifier,
                     _ state: SymbolicHeap) throws(ProofStop) -> [SymbolicHeap] {
    let contract = try self.contract(contractName.name, range: contractName.range).automaton
    let initial: Set<String> = [contract.stateNames[contract.initialState]]
    var heap = assign(second, nil, in: assign(first, nil, in: state))
    heap.spatial.append(.endpoint(.v(first), EndpointCell(contract: contract.name, isDual: false, states: initial,
                                                          peer: .v(second))))
    heap.spatial.append(.endpoint(.v(second), EndpointCell(contract: contract.name, isDual: true, states: initial,
                                                           peer: .v(first))))
    return [heap]
  }

  /// `send(m, e, x)`: every state of e has `!m`; e moves on; then m's invariant
  /// (val := x, src := e) leaves the state, found by frame inference in the
  /// state after the transition (so an endpoint may send itself).
  mutating func send(_ message: Identifier, _ endpointExpression: Expression, _ value: Expression?,
                     _ range: SourceRange, _ state: SymbolicHeap) throws(ProofStop) -> [SymbolicHeap] {
    let endpoint = try addressTerm(endpointExpression)
    var results: [SymbolicHeap] = []
    for var heap in try expose(.endpoint, at: endpoint, in: state, action: "send on", range: range) {
      guard case .endpoint(let address, var cell) = heap.spatial[0] else { continue }
      let automaton = try contract(cell.contract, range: range).automaton
      guard let next = step(cell, .send, message.name, automaton) else {
        throw .failed(ChannelDiagnostics.violation("sending '\(message.name)'", endpoint, cell: cell,
                                                   automaton: automaton, range: range))
      }
      let before = cell
      cell.states = next
      heap.spatial[0] = .endpoint(address, cell)
      // Without a value (or with one the logic has no term for) `val` is arbitrary: a fresh free
      // name, for which the invariant must hold whatever it is — not an existential the prover may choose.
      var valueTerm: Term?
      if let value { valueTerm = try term(value) }
      let sent = valueTerm ?? .variable(Variable(String(supply.variable("val").name.dropFirst())))
      let invariant = messageInvariant(message.name, value: sent, source: endpoint)
      note(range, "\(endpoint): \(Self.label(before)) → \(Self.label(cell)), sending '\(message.name)'"
                  + Self.carried(invariant), separator: " with ", Self.owned(invariant))
      results += try frame(of: heap.closed, invariant, precise: false, range: range) { notes in
        var notes = notes
        notes.insert(Diagnostic.Note("'\(message.name)' carries: \(invariant.map(StateDisplay.text).joined(separator: "  or  "))"), at: 0)
        if value == nil {
          notes.insert(Diagnostic.Note("sent without a value: 'val' may be anything"), at: 1)
        } else if valueTerm == nil {
          notes.insert(Diagnostic.Note("the logic has no term for the value sent: 'val' may be anything"), at: 1)
        }
        return ChannelDiagnostics.invariant(message.name, range: range, notes: notes)
      }
    }
    return results
  }

  /// `x = receive(m, e)`: every state of e has `?m`, and m is the only message
  /// they can receive (a plain receive is a switch with one case); e moves on;
  /// m's invariant (val := the value received, src := e's peer) joins the state.
  mutating func receive(_ receive: Receive, _ state: SymbolicHeap, inSwitch: Bool = false) throws(ProofStop) -> [SymbolicHeap] {
    let endpoint = try addressTerm(receive.endpoint)
    var results: [SymbolicHeap] = []
    for var heap in try expose(.endpoint, at: endpoint, in: state, action: "receive on", range: receive.range) {
      guard case .endpoint(let address, var cell) = heap.spatial[0] else { continue }
      let automaton = try contract(cell.contract, range: receive.range).automaton
      var possible = cell
      if inSwitch {
        // In a switch, a branch is taken only in the states that can receive its message.
        possible.states = cell.states.filter { step(EndpointCell(contract: cell.contract, isDual: cell.isDual, states: [$0],
                                                                 peer: nil), .receive, receive.message.name, automaton) != nil }
        if possible.states.isEmpty && !cell.states.isEmpty { continue }
      }
      guard let next = step(possible, .receive, receive.message.name, automaton) else {
        throw .failed(ChannelDiagnostics.violation("receiving '\(receive.message.name)'", endpoint, cell: cell,
                                                   automaton: automaton, range: receive.range))
      }
      let others = Self.receivable(cell, automaton).subtracting([receive.message.name]).sorted()
      if !inSwitch && !others.isEmpty {
        throw .failed(ChannelDiagnostics.unspecifiedByReceive(endpoint, receiving: receive.message.name, missing: others,
                                                              cell: cell, automaton: automaton, range: receive.range))
      }
      let peer = cell.peer ?? .variable(supply.variable("peer"))
      let messages = context.messages[receive.message.name] ?? [.emp]
      let after = EndpointCell(contract: cell.contract, isDual: cell.isDual, states: next, peer: nil)
      let brought = messages.map { $0.substitutingAll([Variable("val"): receive.binding.map { .v($0.name) } ?? .v("val"),
                                                       Variable("src"): peer]) }
      note(receive.range, "\(endpoint): \(Self.label(possible)) → \(Self.label(after)), receiving "
                          + "'\(receive.message.name)'\(Self.carried(brought))", separator: " with ", Self.owned(brought))
      cell.peer = peer
      cell.states = next
      heap.spatial[0] = .endpoint(address, cell)
      let received = Term.variable(supply.variable("val"))
      for invariant in messageInvariant(receive.message.name, value: received, source: peer) {
        var arrived = heap * invariant
        if let binding = receive.binding { arrived = assign(binding.name, received, in: arrived) }
        results.append(arrived.closed)
      }
    }
    return results.filter { prover.satisfiability($0.closed) != .unsatisfiable }
  }

  /// `switch receive { ... }`: each branch receives on an owned endpoint; for each
  /// endpoint, the branches cover every message its states can receive.
  mutating func switchReceive(_ cases: [ReceiveCase], _ range: SourceRange,
                              _ states: [SymbolicHeap]) throws(ProofStop) -> [SymbolicHeap] {
    for state in states {
      // The listed endpoints grouped by the address they denote in this state (`f` and an alias `y == f` are one).
      var listed: [(endpoint: Term, messages: Set<String>)] = []
      for branch in cases {
        let endpoint = try addressTerm(branch.receive.endpoint)
        let message = branch.receive.message.name
        if let group = listed.firstIndex(where: { prover.satisfiability(state.closed.assuming([.notEqual($0.endpoint, endpoint)]))
                                                  == .unsatisfiable }) {
          listed[group].messages.insert(message)
        } else {
          listed.append((endpoint, [message]))
        }
      }
      for (endpoint, messages) in listed {
        for heap in try expose(.endpoint, at: endpoint, in: state, action: "receive on", range: range) {
          guard case .endpoint(_, let cell) = heap.spatial[0] else { continue }
          let automaton = try contract(cell.contract, range: range).automaton
          let missing = Self.receivable(cell, automaton).subtracting(messages).sorted()
          if !missing.isEmpty {
            throw .failed(ChannelDiagnostics.unspecified(endpoint, missing: missing, cell: cell, automaton: automaton,
                                                         range: range))
          }
        }
      }
    }
    var results: [SymbolicHeap] = []
    for branch in cases {
      var received: [SymbolicHeap] = []
      for state in states { received += try receive(branch.receive, state, inSwitch: true) }
      // The state after the reception, before the branch's body: a step of its own for `explain`.
      recorder?.record(TraceStep(range: branch.receive.range, states: received.map(\.simplified), title: nil))
      results += try run(branch.body, received)
    }
    return results
  }

  /// `close(e, f)`: both owned, each other's peers, in one final state, under a leak-free contract.
  mutating func close(_ firstExpression: Expression, _ secondExpression: Expression, _ range: SourceRange,
                      _ state: SymbolicHeap) throws(ProofStop) -> [SymbolicHeap] {
    let first = try addressTerm(firstExpression), second = try addressTerm(secondExpression)
    var results: [SymbolicHeap] = []
    for heap in try expose(.endpoint, at: first, in: state, action: "close of", range: range) {
      guard case .endpoint(let firstAddress, let firstCell) = heap.spatial[0] else { continue }
      var rest = heap
      rest.spatial.removeFirst()
      for pair in try expose(.endpoint, at: second, in: rest, action: "close of", range: range) {
        guard case .endpoint(let secondAddress, let secondCell) = pair.spatial[0] else { continue }
        let contract = try self.contract(firstCell.contract, range: range)
        let notes = [ChannelDiagnostics.stateNote(first, firstCell, contract.automaton),
                     ChannelDiagnostics.stateNote(second, secondCell, contract.automaton)]
        // Peers are symmetric: one end naming the other is enough.
        let peers = [(firstCell.peer, secondAddress), (secondCell.peer, firstAddress)].contains { peer, other in
          guard let peer else { return false }
          return prover.satisfiability(pair.closed.assuming([.notEqual(peer, other)])) == .unsatisfiable
        }
        guard peers, firstCell.contract == secondCell.contract, firstCell.isDual != secondCell.isDual else {
          throw .failed(ChannelDiagnostics.notPeers(first, second, range: range, notes: notes))
        }
        let final = Set(firstCell.states.compactMap(contract.automaton.state(named:)).filter { contract.automaton.isFinal[$0] })
        guard firstCell.states == secondCell.states, firstCell.states.count == 1, final.count == 1 else {
          throw .failed(ChannelDiagnostics.notFinal(first, second, automaton: contract.automaton, range: range,
                                                            notes: notes))
        }
        if let problem = contract.leakFreedomProblem {
          throw .failed(ChannelDiagnostics.notLeakFree(contract.automaton.name, why: problem, range: range))
        }
        note(range, "\(first), \(second): closed in final state \(firstCell.states.sorted().joined())")
        var closed = pair
        closed.spatial.removeFirst()
        results.append(closed.closed)
      }
    }
    return results
  }

  // MARK: Helpers

  /// An endpoint's contract and states as a formula writes them: `~C{wait}`.
  static func label(_ cell: EndpointCell) -> String {
    "\(cell.isDual ? "~" : "")\(cell.contract){\(cell.states.sorted().joined(separator: ", "))}"
  }

  /// What a message carries, for `explain`: its invariant (`owned`), or that it carries no ownership.
  static func carried(_ invariant: [SymbolicHeap]) -> String {
    owned(invariant).isEmpty ? " (no ownership)" : ""
  }

  /// A message's invariant as `explain` shows it after ` with `; none when it is `emp`.
  static func owned(_ invariant: [SymbolicHeap]) -> [SymbolicHeap] {
    invariant.map(StateDisplay.text) == ["emp"] ? [] : invariant
  }

  /// The compiled contract `name`; one that did not compile (its errors are reported) leaves the proof undecided.
  private func contract(_ name: String, range: SourceRange) throws(ProofStop) -> ProgramContext.Contract {
    guard let contract = context.contracts[name] else {
      throw .undecided(CheckerDiagnostics.cannotCheck("contract '\(name)' has errors, so its channels cannot be checked",
                                                      range: range))
    }
    return contract
  }

  /// The messages that some state `cell` may be in can receive.
  private static func receivable(_ cell: EndpointCell, _ automaton: ContractAutomaton) -> Set<String> {
    let view = cell.isDual ? automaton.dual() : automaton
    return Set(cell.states.compactMap(view.state(named:)).flatMap { view.outgoing($0) }
      .filter { $0.direction == .receive }.map { view.messageNames[$0.message] })
  }

  /// The successor states of every state of `cell` by `direction message`, or nil if one has none.
  private func step(_ cell: EndpointCell, _ direction: Direction, _ message: String,
                    _ automaton: ContractAutomaton) -> Set<String>? {
    let view = cell.isDual ? automaton.dual() : automaton
    guard let index = view.message(named: message) else { return nil }
    var next = Set<String>()
    for name in cell.states {
      guard let state = view.state(named: name) else { return nil }
      let targets = view.successors(state, direction, index)
      if targets.isEmpty { return nil }
      next.formUnion(targets.map { view.stateNames[$0] })
    }
    return next
  }

  /// Message `name`'s invariant with `val` and `src` given, its existentials renamed apart.
  private mutating func messageInvariant(_ name: String, value: Term, source: Term) -> [SymbolicHeap] {
    (context.messages[name] ?? [.emp]).map { invariant in
      opened(invariant).substitutingAll([Variable("val"): value, Variable("src"): source])
    }
  }
}
