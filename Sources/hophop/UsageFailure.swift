import ArgumentParser
import HopDriver
import HopSyntax

/// A wrong command line, reported as bad input (exit 2, as the help says, not
/// ArgumentParser's 64): in ArgumentParser's words on standard error, and with
/// `--format json` also as the JSON document every command prints, with the
/// message as its `error` and no files, so that a tool reading the document
/// is not left with nothing on standard output.
enum UsageFailure {
  /// The message for a first argument that names no subcommand, with the
  /// closest one (`hophop chekc` → "did you mean 'check'?"), or nil when the
  /// first argument is a subcommand, `help`, or an option. Without this,
  /// ArgumentParser takes the word and the rest for arguments of the root
  /// command and says "2 unexpected arguments".
  static func unknownSubcommand(_ arguments: [String], subcommands: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !subcommands.contains(first) else {
      return nil
    }
    let suggestion = Suggestion.closest(to: first, among: subcommands).map { " Did you mean '\($0)'?" } ?? ""
    return "Unknown command '\(first)'.\(suggestion)"
  }

  /// Whether the command line asks for JSON (`--format json` or `--format=json`), however wrong it is otherwise.
  static func wantsJSON(_ arguments: [String]) -> Bool {
    zip(arguments, arguments.dropFirst()).contains { $0 == "--format" && $1 == "json" } || arguments.contains("--format=json")
  }

  /// The JSON document of a usage error: `command` as the subcommand written
  /// (when it is one), exit status 2, no files, the message as the error and
  /// the usage as its notes.
  static func document(message: String, usage: [String], arguments: [String], subcommands: [String]) -> String {
    let command = arguments.first.flatMap { subcommands.contains($0) ? $0 : nil } ?? "hophop"
    return JSONReport<JSONNoResult>(command: command, exitStatus: .badInput, files: [],
                                    error: JSONFatalError(message: message, notes: usage)).text
  }
}
