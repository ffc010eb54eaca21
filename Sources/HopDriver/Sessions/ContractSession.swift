import HopContracts
import HopSyntax

/// `hophop contract FILE NAME` as a library call: find the contract, compile
/// it, and render it as a transition table or a Graphviz graph.
public enum ContractSession {
  /// The two textual renderings.
  public enum Rendering: String, Sendable, CaseIterable {
    case text, dot
  }

  /// The rendering, or the diagnostics that prevented it.
  public struct Result: Sendable {
    public var report: FileReport
    /// `nil` when the file or the contract has errors.
    public var output: String?
    /// The contract shown (the dual with `--dual`), when there is output.
    public var automaton: ContractAutomaton?
    /// The number of states of the contract shown (0 when there is no output).
    public var stateCount: Int { automaton?.stateCount ?? 0 }
    public var exitStatus: ExitStatus { output == nil ? .badInput : .success }
  }

  /// Renders contract `name` of the file at `path` (its dual when `dual` is set).
  public static func render(path: String, contract name: String, dual: Bool, as rendering: Rendering) -> Result {
    guard let loaded = FrontEndSession.load([path]).first else {
      return Result(report: FileReport(path: path, source: nil, diagnostics: []), output: nil)
    }
    var report = loaded.report
    guard let program = loaded.program else { return Result(report: report, output: nil) }
    let declarations = program.declarations.compactMap { d -> ContractDecl? in
      if case .contract(let c) = d { return c } else { return nil }
    }
    guard let declaration = declarations.first(where: { $0.name.name == name }) else {
      NameOnCommandLine.notFound(name, message: "no contract named '\(name)' in this file", kind: "contracts",
                                 known: declarations.map(\.name.name), in: &report)
      return Result(report: report, output: nil)
    }
    let compiled = ContractAutomaton.compile(declaration)
    guard let automaton = compiled.automaton else {
      report.diagnostics += compiled.diagnostics
      return Result(report: report, output: nil)
    }
    let shown = dual ? automaton.dual() : automaton
    return Result(report: report, output: rendering == .text ? shown.transitionTable() : shown.dot(), automaton: shown)
  }
}
