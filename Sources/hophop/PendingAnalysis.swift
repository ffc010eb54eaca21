import ArgumentParser
import HopDriver

/// The front end of a command whose analysis engine has not landed yet.
///
/// It still reports every parse and name error; then it says plainly that
/// the analysis is not available and exits with 2 — never a fake verdict.
struct PendingAnalysis {
  var command: String
  var engine: String

  func run(files: [String], output: OutputOptions) throws {
    let report = Report(files: FrontEndSession.load(files).map(\.report))
    output.emitDiagnostics(report, command: command)
    if !report.hasErrors {
      Console.standardError("hophop \(command): the files parse and resolve, but the \(engine) is not available yet.\n")
    }
    throw ExitCode(.badInput)
  }
}
