import HopSMT
import HopSyntax

/// Sends the satisfiability queries of one run to Z3 and keeps what
/// `--dump-smt` and the benchmark need: each query's script, the count and
/// the time spent.
final class QueryRunner {
  let smt: SMTContext
  private let dumping: Bool
  private(set) var dumped: [DumpedQuery] = []
  private var names: [String: Int] = [:]
  private var observationCount = 0
  /// The queries asked (one per condition, blame step or obligation), whatever number of
  /// solver calls answered them: the number of `--dump-smt` files.
  private(set) var asked = 0

  init(smt: SMTContext, dumping: Bool) {
    self.smt = smt
    self.dumping = dumping
  }

  /// Whether `facts` can all hold: a model is a counterexample to the
  /// condition `facts` negates. `name` identifies the query in dumps. The
  /// values of `observed` terms in the model are kept as the evidence: each
  /// is tied to a fresh constant inside the query, because evaluating a
  /// compound term in a model with array interpretations can take Z3 forever.
  ///
  /// `relevant`, when given, is a part of `facts` that has a model exactly when
  /// `facts` do (decision 80): it is asked first, and when it has none, that is
  /// the answer. Otherwise `facts` are asked as they are, so a counterexample
  /// is the one the whole query gives.
  func ask(_ name: String, _ facts: [SMTTerm], observing observed: [SMTTerm] = [],
           relevant: [SMTTerm]? = nil) -> QueryAnswer {
    asked += 1
    if let relevant, case .unsatisfiable = smt.check(relevant) {
      record(name, facts, answer: "unsat")
      return .unsatisfiable
    }
    var all = facts
    var observations: [(term: SMTTerm, constant: SMTTerm)] = []
    for term in observed where !observations.contains(where: { $0.term == term }) {
      observationCount += 1
      let constant = smt.constant("observed!\(observationCount)", term.sort)
      observations.append((term, constant))
      all.append(smt.equal(constant, term))
    }
    let result = smt.check(all, observing: observations.map(\.constant))
    let answer: QueryAnswer = switch result {
    case .unsatisfiable: .unsatisfiable
    case .unknown(let reason): .unknown(reason: reason)
    case .satisfiable(let values): .satisfiable(Evidence(values: Array(zip(observations.map(\.term), values))))
    }
    let answerText = switch result {
    case .satisfiable: "sat"
    case .unsatisfiable: "unsat"
    case .unknown: "unknown"
    }
    record(name, facts, answer: answerText)
    return answer
  }

  /// Keeps the query for `--dump-smt`: the whole of `facts`, whichever part answered.
  private func record(_ name: String, _ facts: [SMTTerm], answer: String) {
    guard dumping else { return }
    let number = names[name, default: 0] + 1
    names[name] = number
    let fileName = number == 1 ? name : "\(name)-\(number)"
    dumped.append(DumpedQuery(name: fileName, script: smt.script(facts, comment: "\(fileName): unsat means it holds"),
                              answer: answer))
  }
}

/// The answer to a query, with the values of the observed terms when it has a model.
enum QueryAnswer {
  case satisfiable(Evidence)
  case unsatisfiable
  case unknown(reason: String)
}

/// The values of some terms in a model (a counterexample's numbers).
struct Evidence {
  var values: [(term: SMTTerm, value: String?)]

  func value(of term: SMTTerm) -> String? {
    values.first { $0.term == term }?.value ?? nil
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

  /// Every term whose value the counterexample shows (to observe in the query).
  var terms: [SMTTerm] {
    entries.flatMap { entry -> [SMTTerm] in
      switch entry {
      case .value(_, let term): [term]
      case .instance(_, let arguments): arguments.map(\.1)
      }
    }
  }

  /// `counterexample: id = 1, old(owner) = 0, owner = 1, pending write(id = 2, fd = 0)`.
  func describe(_ model: Evidence) -> String {
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
