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
      decided, 2 bad input (unreadable file, syntax or name errors, ill-formed specifications, \
      a wrong command line) or Z3 needed but not loadable.

      Environment: HOPHOP_Z3_LIBRARY names the Z3 library to load (default: libz3.so.4, \
      then libz3.so); Z3 is loaded only when a proof first needs it. NO_COLOR (set and not \
      empty) or TERM=dumb turns colour off.
      """,
    version: versionLine,
    subcommands: [
      CheckCommand.self, LintCommand.self, ExplainCommand.self, ContractCommand.self, EntailCommand.self,
      FmtCommand.self, InferCommand.self, ParseCommand.self, RunCommand.self,
    ])

  /// The forms run without ArgumentParser (`PlainInvocation`).
  static let plainInvocations = [
    EntailCommand.plainInvocation, CheckCommand.plainInvocation, LintCommand.plainInvocation,
    ParseCommand.plainInvocation,
  ]

  /// What `hophop --version` prints (without the line break).
  static let versionLine = "hophop \(HophopVersion.current)"

  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    // `--version` alone, as ArgumentParser prints it, without building the command tree first
    // (which costs more than starting the executable, issue 27).
    if arguments == ["--version"] {
      Console.standardOutput(versionLine + "\n")
      return
    }
    for form in plainInvocations {
      guard let operands = form.matches(arguments) else { continue }
      do throws(ExitCode) {
        try form.run(operands)
      } catch {
        // Diagnostics are already written (unbuffered); ArgumentParser's exit(withError:)
        // would build its help text first, which costs more than the command itself.
        Glibc.exit(error.rawValue)
      }
      return
    }
    let subcommands = configuration.subcommands.compactMap { $0.configuration.commandName }
    if let problem = UsageFailure.unknownSubcommand(arguments, subcommands: subcommands) {
      failUsage(ValidationError(problem), arguments: arguments, subcommands: subcommands)
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure { failUsage(error, arguments: arguments, subcommands: subcommands) }
      exit(withError: error)
    }
  }

  /// A wrong command line is bad input (exit 2, as the help says), not ArgumentParser's 64 (EX_USAGE):
  /// ArgumentParser's message and usage on standard error, and with `--format json` the document too.
  static func failUsage(_ error: any Error, arguments: [String], subcommands: [String]) -> Never {
    let full = fullMessage(for: error)
    if UsageFailure.wantsJSON(arguments) {
      let usage = full.split(separator: "\n").dropFirst().map { String($0.drop(while: \.isWhitespace)) }
      Console.standardOutput(UsageFailure.document(message: message(for: error), usage: usage, arguments: arguments,
                                                   subcommands: subcommands))
    }
    Console.standardError(full + "\n")
    Glibc.exit(ExitStatus.badInput.rawValue)
  }
}
