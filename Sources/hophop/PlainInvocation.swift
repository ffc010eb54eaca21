import ArgumentParser

/// The forms of the command line that run without ArgumentParser.
///
/// ArgumentParser's reflection over the command types costs more at start-up
/// (about 7 ms) than checking, linting or parsing a small file, and editors
/// and scripts start hophop once per file. So `main` runs the commonest forms,
/// written exactly so, directly (decision 25, first for `entail FILE`):
/// `check FILE...`, `lint FILE...`, `parse FILE`, `entail FILE`: the
/// subcommand, then operands only (none starting with `-`), as many as the
/// subcommand takes. Every other form (options, `--help`, a missing or extra
/// operand) goes through ArgumentParser as usual, and prints the same.
struct PlainInvocation: Sendable {
  /// How many operands the subcommand takes.
  enum Operands: Sendable { case one, oneOrMore }

  var command: String
  var operands: Operands
  /// Runs the command with its defaults on the operands, as ArgumentParser would.
  var run: @Sendable ([String]) throws(ExitCode) -> Void

  /// The operands of `arguments` (without the program name) when they are this form, else nil.
  func matches(_ arguments: [String]) -> [String]? {
    guard let first = arguments.first, first == command else { return nil }
    let rest = Array(arguments.dropFirst())
    guard !rest.isEmpty, rest.allSatisfy({ !$0.hasPrefix("-") }) else { return nil }
    if operands == .one && rest.count != 1 { return nil }
    return rest
  }
}
