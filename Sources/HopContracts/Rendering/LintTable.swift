import HopSyntax

/// One row of the lint table of a contract: a property, its answer, and a witness or reason.
public struct LintRow: Hashable, Sendable {
  /// The answer of one property.
  public enum Answer: String, Hashable, Sendable {
    case yes, no, unknown
    /// ✓, ✗ or ?.
    public var symbol: String {
      switch self {
      case .yes: "✓"
      case .no: "✗"
      case .unknown: "?"
      }
    }
  }

  /// The stable key (`deterministic`, `uniform`, `synchronizing`, `leakfree`, `halfduplex`, `progress`).
  public var key: String
  /// The label printed in the table.
  public var title: String
  public var answer: Answer
  /// The witness when the property fails, or why it holds; empty when there is nothing to add.
  public var detail: String
}

extension ContractLint {
  /// How many final states the synchronizing row names before `and N more`,
  /// so that a contract with thousands of them still gets a one-line row.
  public static let listedFinalStates = 10

  /// The six properties, in the order `hophop lint` prints them.
  public var rows: [LintRow] {
    let a = automaton
    let finals = CountWording.capped(a.finalStates.map { a.stateNames[$0] }, limit: Self.listedFinalStates)
    func row(_ key: String, _ title: String, failure: String?) -> LintRow {
      LintRow(key: key, title: title, answer: failure == nil ? .yes : .no, detail: failure ?? "")
    }
    func row(_ key: String, _ title: String, _ verdict: ExplorationVerdict) -> LintRow {
      let answer: LintRow.Answer = switch verdict {
      case .holds: .yes
      case .fails: .no
      case .unknown: .unknown
      }
      return LintRow(key: key, title: title, answer: answer, detail: a.describe(verdict))
    }
    var synchronizing = row("synchronizing", "synchronizing", failure: oneWayCycle.map {
      "final " + a.describe($0)
        + (nonSynchronizingFinalStates.count > 1
           ? " (and \(CountWording.grouped(nonSynchronizingFinalStates.count - 1)) more)" : "")
    })
    if synchronizing.answer == .yes { synchronizing.detail = finals.isEmpty ? "no final states" : "final states: \(finals)" }
    return [
      row("deterministic", "deterministic", failure: nondeterminism.map(a.describe)),
      row("uniform", "uniform choice", failure: mixedChoice.map(a.describe)),
      synchronizing,
      row("leakfree", "leak-free", failure: leakFreedom.map(a.describe)),
      row("halfduplex", "half-duplex", halfDuplex),
      row("progress", "progress", progress),
    ]
  }

  /// The table `hophop lint` prints for this contract, headed by `location` (`file:line:col`).
  public func table(location: String) -> String {
    let rows = self.rows
    let width = rows.map(\.title.count).max() ?? 0
    var text = "contract \(automaton.name) (\(location))\n"
    text += "  " + "property" + String(repeating: " ", count: max(0, width - 8)) + "     witness / reason\n"
    for row in rows {
      let title = row.title + String(repeating: " ", count: width - row.title.count)
      text += "  \(title)  \(row.answer.symbol)  \(row.detail)".trimmingTrailingSpaces() + "\n"
    }
    text += "  warnings: \(warnings.count)\n"
    return text
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
