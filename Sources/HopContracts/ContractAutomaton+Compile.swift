import HopSyntax

/// The result of compiling one contract declaration: the automaton when the
/// declaration is well-formed, and the construction diagnostics otherwise.
public struct ContractCompilation: Sendable {
  public var automaton: ContractAutomaton?
  public var diagnostics: [Diagnostic]
  public init(automaton: ContractAutomaton?, diagnostics: [Diagnostic]) {
    self.automaton = automaton
    self.diagnostics = diagnostics
  }
}

extension ContractAutomaton {
  /// Compiles `declaration`, checking that it has states, exactly one initial
  /// state, no duplicate state names, and edges to declared states only.
  ///
  /// Every problem is reported (not just the first), as an error diagnostic
  /// with the range of the offending name; the automaton is `nil` then.
  public static func compile(_ declaration: ContractDecl) -> ContractCompilation {
    let contract = declaration.name.name
    var diagnostics: [Diagnostic] = []
    guard !declaration.states.isEmpty else {
      return ContractCompilation(automaton: nil, diagnostics: [.emptyContract(declaration.name, range: declaration.range)])
    }

    var stateIndex: [String: Int] = [:]
    var stateNames: [String] = []
    var stateRanges: [SourceRange] = []
    var isFinal: [Bool] = []
    var initial: Identifier?
    for state in declaration.states {
      if let previous = stateIndex[state.name.name] {
        diagnostics.append(.duplicateState(contract, state: state.name, previous: stateRanges[previous]))
        continue
      }
      stateIndex[state.name.name] = stateNames.count
      stateNames.append(state.name.name)
      stateRanges.append(state.name.range)
      isFinal.append(state.isFinal)
      if state.isInitial {
        if let first = initial {
          diagnostics.append(.multipleInitialStates(contract, state: state.name, first: first))
        } else {
          initial = state.name
        }
      }
    }
    if initial == nil { diagnostics.append(.missingInitialState(declaration.name)) }

    var messageIndex: [String: Int] = [:]
    var messageNames: [String] = []
    var messageRanges: [SourceRange] = []
    var edges: [Edge] = []
    var seenStates = Set<String>()
    for state in declaration.states where seenStates.insert(state.name.name).inserted {
      let source = stateIndex[state.name.name]!
      for transition in state.transitions {
        guard let target = stateIndex[transition.target.name] else {
          diagnostics.append(.unknownTargetState(contract, target: transition.target))
          continue
        }
        let message: Int
        if let known = messageIndex[transition.message.name] {
          message = known
        } else {
          message = messageNames.count
          messageIndex[transition.message.name] = message
          messageNames.append(transition.message.name)
          messageRanges.append(transition.message.range)
        }
        edges.append(Edge(source: source, direction: transition.direction, message: message, target: target,
                          range: transition.range))
      }
    }

    guard diagnostics.isEmpty, let initial, let initialIndex = stateIndex[initial.name] else {
      return ContractCompilation(automaton: nil, diagnostics: diagnostics.sortedBySource())
    }
    let automaton = ContractAutomaton(
      name: contract, nameRange: declaration.name.range, stateNames: stateNames, stateRanges: stateRanges,
      messageNames: messageNames, messageRanges: messageRanges, initialState: initialIndex, isFinal: isFinal,
      edges: edges)
    return ContractCompilation(automaton: automaton, diagnostics: [])
  }
}
