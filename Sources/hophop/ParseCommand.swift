import ArgumentParser
import HopDriver
import HopSyntax

/// `hophop parse FILE`: the syntax tree, for debugging the front end and learning the AST.
struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse", abstract: "Parse and resolve a Hop file and print its syntax tree.",
    discussion: "With --format json, the tree is data: each node's type and case, range and fields.")

  @OptionGroup var output: OutputOptions
  @Flag(help: "Leave out source positions.") var noRanges = false
  @Argument(help: "A Hop source file.") var file: String

  func run() throws {
    try Self.parse(file, ranges: !noRanges, format: output.format, noColor: output.noColor)
  }

  /// `hophop parse FILE` without ArgumentParser (`PlainInvocation`).
  static let plainInvocation = PlainInvocation(command: configuration.commandName!, operands: .one) { files throws(ExitCode) in
    try parse(files[0], ranges: true, format: .text, noColor: false)
  }

  /// Prints the tree of `file` (or the JSON document), and the diagnostics; exit 2 on an error.
  static func parse(_ file: String, ranges: Bool, format: OutputOptions.Format, noColor: Bool) throws(ExitCode) {
    let loaded = FrontEndSession.load([file])
    let report = Report(files: loaded.map(\.report))
    var tree = ""
    if format == .text, let source = loaded[0].report.source, !report.hasErrors {
      tree = ASTDumper.dump(Parser.parse(source).program, file: source, ranges: ranges)
    }
    OutputOptions.emit(report, text: tree, format: format, noColor: noColor) {
      FrontEndJSONRenderer.parse(loaded, ranges: ranges)
    }
    if report.hasErrors { throw ExitCode(.badInput) }
  }
}
