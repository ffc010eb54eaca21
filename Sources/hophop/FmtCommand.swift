import ArgumentParser
import HopDriver
import HopSyntax

/// `hophop fmt FILE...`: the canonical form of each file on standard output.
struct FmtCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Print Hop files in canonical form.",
    discussion: "The file itself is not modified. Comments are not kept in the canonical form.")

  @OptionGroup var output: OutputOptions
  @Argument(help: "Hop source files.") var files: [String]

  func run() throws {
    let loaded = FrontEndSession.load(files)
    let report = Report(files: loaded.map(\.report))
    let text = output.format == .text ? loaded.compactMap(\.program).map(PrettyPrinter.print).joined() : ""
    output.emit(report, text: text) { FrontEndJSONRenderer.format(loaded) }
    if report.hasErrors { throw ExitCode(.badInput) }
  }
}
