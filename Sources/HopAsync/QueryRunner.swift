import HopProver
import HopSyntax

/// Sends the satisfiability queries of one run to Z3 and keeps what
/// `--dump-smt` and the benchmark need: each query's script, the count and
/// the time spent.
final class QueryRunner {
  let smt: SMTContext
  private let dumping: Bool
  private(set) var dumped: [DumpedQuery] = []
  private var names: [String: Int] = [:]

  init(smt: SMTContext, dumping: Bool) {
    self.smt = smt
    self.dumping = dumping
  }

  /// Whether `facts` can all hold: a model is a counterexample to the condition
  /// `facts` negates. `name` identifies the query in dumps.
  func ask(_ name: String, _ facts: [SMTTerm]) -> SMTCheckResult {
    let result = smt.check(facts)
    if dumping {
      let number = names[name, default: 0] + 1
      names[name] = number
      let answer = switch result {
      case .satisfiable: "sat"
      case .unsatisfiable: "unsat"
      case .unknown: "unknown"
      }
      let fileName = number == 1 ? name : "\(name)-\(number)"
      dumped.append(DumpedQuery(name: fileName, script: smt.script(facts, comment: "\(fileName): unsat means it holds"),
                                answer: answer))
    }
    return result
  }
}

/// The values a counterexample shows, as `name = value` text.
struct Counterexample {
  private enum Entry {
    case value(String, SMTTerm)
    /// A procedure instance: `pending write(id = 1, fd = 0)`.
    case instance(String, [(String, SMTTerm)])
  }
  private var entries: [Entry] = []

  mutating func add(_ label: String, _ term: SMTTerm) { entries.append(.value(label, term)) }

  /// An instance, described as `kind name(parameter = value, ...)`.
  mutating func addInstance(_ kind: String, _ procedure: AsyncProcedureDecl, _ arguments: [SMTTerm]) {
    entries.append(.instance("\(kind) \(procedure.name.name)", Array(zip(procedure.parameters.map(\.name), arguments))))
  }

  /// `counterexample: id = 1, old(owner) = 0, owner = 1, pending write(id = 2, fd = 0)`.
  func describe(_ model: SMTModel) -> String {
    let parts = entries.compactMap { entry -> String? in
      switch entry {
      case .value(let label, let term):
        return model.value(of: term).map { "\(label) = \($0)" }
      case .instance(let label, let arguments):
        let values = arguments.map { "\($0.0) = \(model.value(of: $0.1) ?? "?")" }
        return "\(label)(\(values.joined(separator: ", ")))"
      }
    }
    return parts.isEmpty ? "counterexample found (no parameter or global to show)"
      : "counterexample: " + parts.joined(separator: ", ")
  }
}
