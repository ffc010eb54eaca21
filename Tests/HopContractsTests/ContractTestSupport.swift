import HopContracts
import HopSyntax
import HopTestSupport

/// The list-transfer contract of examples/list_transfer.hop.
let listTransfer = """
  message cell
  message ack
  message fin
  contract C {
    initial state transfer { !cell -> wait; !fin -> end; }
    state wait { ?ack -> transfer; }
    final state end {}
  }
  """

/// Compiles the first contract of `text` (which must parse); nil when construction fails.
func compileFirst(_ text: String) -> ContractCompilation {
  let (_, result) = parseText(text)
  for case .contract(let declaration) in result.program.declarations {
    return ContractAutomaton.compile(declaration)
  }
  return ContractCompilation(automaton: nil, diagnostics: [])
}

/// The automaton of the first contract of `text`; traps in tests only, when the text is wrong.
func automaton(_ text: String) -> ContractAutomaton {
  guard let automaton = compileFirst(text).automaton else { fatalError("contract does not compile:\n\(text)") }
  return automaton
}

/// The source text an edge was written as, e.g. `!cell -> wait;`.
func edgeText(_ edge: ContractAutomaton.Edge, in text: String) -> String {
  let file = SourceFile(path: "t.hop", text: text)
  return file.text(of: edge.range)
}

extension ContractAutomaton {
  /// `s --!m--> t` strings of a path.
  func names(_ path: [Edge]) -> [String] { path.map(describe) }
  /// `C: !m` strings of a product trace.
  func names(_ trace: ProductTrace) -> [String] { trace.steps.map(describe) }
}
