import ArgumentParser
import Glibc
import HopDriver

/// `hophop contract FILE NAME`: show a contract as a table, a Graphviz graph, or an image.
struct ContractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "contract",
    abstract: "Show a contract as a transition table, a Graphviz graph, or JSON.",
    discussion: """
      svg and png are rendered by Graphviz's 'dot', which must be installed. json is the document every \
      command prints with --format json, with the contract's states and transitions as the file's result.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, dot, svg, png
  }

  @Option(help: "Output format: text, json, dot, svg or png.") var format: Format = .text
  @Flag(help: "Show the dual contract ~C (what the peer endpoint follows).") var dual = false
  @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output (a png needs one on a terminal).")
  var outputFile: String?
  @Flag(name: .customLong("no-color"), help: "Never colour diagnostics (also: the NO_COLOR environment variable).")
  var noColor = false
  @Argument(help: "A Hop source file.") var file: String
  @Argument(help: "The contract's name.") var name: String

  /// A PNG on a terminal is a screenful of control bytes (and can upset the
  /// terminal), so it needs a file or a redirection.
  func validate() throws {
    if format == .png && outputFile == nil && isatty(STDOUT_FILENO) != 0 {
      throw ValidationError("--format png writes a binary image, which a terminal cannot show; "
                            + "give '-o \(name).png' or redirect standard output to a file")
    }
  }

  func run() throws {
    let rendering: ContractSession.Rendering = format == .text ? .text : .dot
    let result = ContractSession.render(path: file, contract: name, dual: dual, as: rendering)
    if format == .json {
      // As every command's document: on standard output (or -o), diagnostics inside it.
      try deliver(Array(ContractJSONRenderer.render(result).utf8))
      if result.exitStatus != .success { throw ExitCode(result.exitStatus) }
      return
    }
    let useColor = OutputOptions.useColor(onStandardError: true, noColor: noColor)
    Console.standardError(TextRenderer(useColor: useColor).render(result.report))
    guard let text = result.output else { throw ExitCode(result.exitStatus) }
    let data: [UInt8]
    switch format {
    case .text, .dot, .json:
      data = Array(text.utf8)
    case .svg, .png:
      let states = result.stateCount
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
    try deliver(data)
  }

  /// Writes `data` to `-o`'s file, or else to standard output.
  func deliver(_ data: [UInt8]) throws {
    if let outputFile {
      if let problem = FileWriter.write(data, to: outputFile, fileName: "\(name).\(format.rawValue)") {
        Console.standardError("hophop contract: cannot write '\(outputFile)': \(problem)\n")
        throw ExitCode(.badInput)
      }
    } else {
      FileWriter.standardOutput(data)
    }
  }
}
