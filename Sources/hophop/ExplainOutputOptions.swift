import ArgumentParser
import HopDriver

/// `explain`'s `--format`, `-o` and `--no-color`: the report formats every
/// command has (text, json) plus the pictures only `explain` draws (dot,
/// svg, png, html), which `OutputOptions` must not offer to other commands.
struct ExplainOutputOptions: ParsableArguments {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, dot, svg, png, html
  }

  @Option(help: "Output format: text, json, dot, svg, png or html (svg, png and html run Graphviz's dot).")
  var format: Format = .text

  @Option(name: [.short, .customLong("output")], help: "With dot, svg, png or html: write to this file instead of standard output.")
  var outputFile: String?

  @Flag(name: .customLong("no-color"), help: "Never colour the output (also: NO_COLOR set and not empty, or TERM=dumb).")
  var noColor = false

  /// The format as the commands that only report see it (nil for a picture or a page).
  var reportFormat: OutputOptions.Format? { OutputOptions.Format(rawValue: format.rawValue) }

  /// As `OutputOptions.emit`, for text and json.
  func emit(_ report: Report, text: String = "", json: () -> String) {
    OutputOptions.emit(report, text: text, format: reportFormat ?? .text, noColor: noColor, json: json)
  }
}
