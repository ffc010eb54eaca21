import HopSyntax

/// A name given on the command line (`contract FILE NAME`, `explain --proc
/// NAME`) that the file does not declare. The problem is on the command line,
/// not at a place in the file, so the diagnostic has no position (no caret
/// under an unrelated line 1); it says which names there are, and the closest
/// one by the rule of every other suggestion (`Suggestion`).
enum NameOnCommandLine {
  /// Adds the error for `name` to `report`, which then shows no source line for it: "no contract
  /// named 'D' in this file", "did you mean 'C'?", "contracts: C, Ping".
  static func notFound(_ name: String, message: String, kind: String, known: [String], in report: inout FileReport) {
    report.source = nil
    var notes = Suggestion.closest(to: name, among: known).map { [Diagnostic.Note("did you mean '\($0)'?")] } ?? []
    notes.append(.init(known.isEmpty ? "the file declares no \(kind)" : "\(kind): " + known.joined(separator: ", ")))
    report.diagnostics.append(Diagnostic(code: .undeclaredName, message: message, range: .point(0), notes: notes))
  }
}
