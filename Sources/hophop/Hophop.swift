import ArgumentParser
import Glibc
import HopDriver

/// The `hophop` command line: one subcommand per job, no logic of its own.
@main
struct Hophop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hophop",
    abstract: "A proof checker for heap-manipulating, message-passing programs (Hop language).",
    discussion: """
      Exit codes: 0 everything proved / well-formed, 1 something is not valid or could not be \
      decided, 2 bad input (unreadable file, syntax or name errors, ill-formed specifications) \
      or Z3 needed but not loadable.

      Environment: HOPHOP_Z3_LIBRARY names the Z3 library to load (default: libz3.so.4, \
      then libz3.so); Z3 is loaded only when a proof first needs it. NO_COLOR turns colour off.
      """,
    version: "hophop \(HophopVersion.current)",
    subcommands: [
      CheckCommand.self, LintCommand.self, ExplainCommand.self, ContractCommand.self, EntailCommand.self,
      FmtCommand.self, ParseCommand.self,
    ])

  static func main() {
    if let file = EntailCommand.plainInvocation(Array(CommandLine.arguments.dropFirst())) {
      do throws(ExitCode) {
        try EntailCommand.decide(file, format: .text, noColor: false)
      } catch {
        // Diagnostics are already written (unbuffered); ArgumentParser's exit(withError:)
        // would build its help text first, which costs more than deciding a problem.
        Glibc.exit(error.rawValue)
      }
      return
    }
    if let files = CheckCommand.plainInvocation(Array(CommandLine.arguments.dropFirst())) {
      do throws(ExitCode) {
        try CheckCommand.check(files, format: .text, noColor: false)
      } catch {
        Glibc.exit(error.rawValue)
      }
      return
    }
    main(nil)
  }
}
