import ArgumentParser
import Foundation
import HopDriver

/// `hophop contract FILE NAME`: show a contract as a table, a Graphviz graph, or an image.
struct ContractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "contract", abstract: "Show a contract as a transition table or a Graphviz graph.",
    discussion: "svg and png are rendered by Graphviz's 'dot', which must be installed.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, dot, svg, png
  }

  @Option(help: "Output format: text, dot, svg or png.") var format: Format = .text
  @Flag(help: "Show the dual contract ~C (what the peer endpoint follows).") var dual = false
  @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
  var outputFile: String?
  @Flag(name: .customLong("no-color"), help: "Never colour diagnostics (also: the NO_COLOR environment variable).")
  var noColor = false
  @Argument(help: "A Hop source file.") var file: String
  @Argument(help: "The contract's name.") var name: String

  func run() throws {
    let rendering: ContractSession.Rendering = format == .text ? .text : .dot
    let result = ContractSession.render(path: file, contract: name, dual: dual, as: rendering)
    let useColor = !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDERR_FILENO) != 0
    Console.standardError(TextRenderer(useColor: useColor).render(result.report))
    guard let text = result.output else { throw ExitCode(result.exitStatus) }
    let data: Data
    switch format {
    case .text, .dot:
      data = Data(text.utf8)
    case .svg, .png:
      let states = text.split(separator: "\n").filter { $0.hasPrefix("  \"") && $0.contains("[shape=") && !$0.contains("__initial") }.count
      if states > GraphvizRenderer.largeContractStates {
        Console.standardError("hophop contract: warning: '\(name)' has \(states) states; dot may take long "
                              + "(stopped after 30 s). '--format dot' or '--format text' are immediate.\n")
      }
      switch GraphvizRenderer.render(text, format: format.rawValue) {
      case .success(let image): data = image
      case .failure(let failure):
        Console.standardError("hophop contract: \(failure)\n")
        throw ExitCode(.badInput)
      }
    }
    if let outputFile {
      do {
        try data.write(to: URL(fileURLWithPath: outputFile))
      } catch {
        Console.standardError("hophop contract: cannot write '\(outputFile)': \(error.localizedDescription)\n")
        throw ExitCode(.badInput)
      }
    } else {
      FileHandle.standardOutput.write(data)
    }
  }
}
