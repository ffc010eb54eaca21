import HopSyntax

/// The contracts of one program, compiled and linted, plus the file-level
/// facts: messages nobody uses, and which contracts a `close` depends on.
public struct FileContracts: Sendable {
  /// The lint of each well-formed contract, in source order.
  public var contracts: [ContractLint]
  /// Construction errors of malformed contracts (HH301–HH305).
  public var errors: [Diagnostic]
  /// `HH312` — **unused message**: declared with `message` but used by no
  /// contract, so no channel can ever carry it. One warning per message.
  public var unusedMessages: [Diagnostic]
  /// Names of the contracts opened (`open(C)`) in a file that contains a
  /// `close`: these must be leak-free (docs/decisions.md, "Contracts").
  public var contractsUsedByClose: Set<String>

  /// Compiles and lints every contract of `program`.
  public init(_ program: Program, bounds: ExplorationBounds = .standard) {
    var messages: [Identifier] = []
    var declarations: [ContractDecl] = []
    var opened: [String] = []
    var closes = false
    for declaration in program.declarations {
      switch declaration {
      case .message(let m): messages.append(m.name)
      case .contract(let c): declarations.append(c)
      case .procedure(let p): Self.scan(p.body, opened: &opened, closes: &closes)
      case .resource, .asyncProcedure, .global: break
      }
    }
    let declared = Set(messages.map(\.name))
    var contracts: [ContractLint] = []
    var errors: [Diagnostic] = []
    var used = Set<String>()
    for declaration in declarations {
      for state in declaration.states {
        for transition in state.transitions { used.insert(transition.message.name) }
      }
      let compiled = ContractAutomaton.compile(declaration)
      errors += compiled.diagnostics
      if let automaton = compiled.automaton {
        contracts.append(ContractLint(automaton, declaredMessages: declared, bounds: bounds))
      }
    }
    self.contracts = contracts
    self.errors = errors
    unusedMessages = messages.filter { !used.contains($0.name) }.map(Diagnostic.unusedMessage)
    contractsUsedByClose = closes ? Set(opened) : []
  }

  /// Every warning of the file (contract checks and unused messages), sorted by position.
  public var warnings: [Diagnostic] {
    (contracts.flatMap(\.warnings) + unusedMessages).sortedBySource()
  }

  /// The contracts a `close` depends on that are not leak-free, as `HH320`
  /// errors at the contract's name.
  public var leakFreedomErrors: [Diagnostic] {
    contracts.filter { contractsUsedByClose.contains($0.automaton.name) && !$0.isLeakFree }.map { lint in
      Diagnostic(code: .notLeakFree,
                 message: "contract '\(lint.automaton.name)' is not leak-free, but channels following it are closed",
                 range: lint.automaton.nameRange,
                 notes: [.init("close needs a leak-free contract (docs/language.md §2.6): \(lint.leakFreedomSummary)")])
    }
  }

  /// Collects the contracts of `open` statements and whether any `close` occurs (the shared traversal, `allStatements`).
  private static func scan(_ statements: [Statement], opened: inout [String], closes: inout Bool) {
    for statement in statements.flatMap(\.allStatements) {
      switch statement.kind {
      case .open(_, _, let contract): opened.append(contract.name)
      case .close: closes = true
      default: break
      }
    }
  }
}
