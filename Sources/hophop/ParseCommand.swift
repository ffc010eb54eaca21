import ArgumentParser
import HopDriver
import HopSyntax

/// `hophop parse FILE`: the syntax tree, for debugging the front end and learning the AST.
struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse", abstract: "Parse and resolve a Hop file and print its syntax tree.")

  @OptionGroup var output: OutputOptions
  @Flag(help: "Leave out source positions.") var noRanges = false
  @Argument(help: "A Hop source file.") var file: String

  func run() throws {
    let loaded = FrontEndSession.load([file])[0]
    if let source = loaded.report.source, !loaded.report.diagnostics.hasErrors {
      let parsed = Parser.parse(source)
      Console.standardOutput(ASTDumper.dump(parsed.program, file: source, ranges: !noRanges))
    }
    output.emitDiagnostics(Report(files: [loaded.report]), command: "parse")
    if loaded.report.diagnostics.hasErrors { throw ExitCode(.badInput) }
  }
}
