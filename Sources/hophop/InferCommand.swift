import ArgumentParser
import HopDriver

/// `hophop infer FILE [-o OUT] [--check]`: the program with inferred loop invariants written in.
struct InferCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "infer",
    abstract: "Print a Hop program with an inferred invariant written in for every loop that has none.",
    discussion: """
      Each loop written without an invariant gets the one shape analysis inferred (the one `check` \
      proves the loop with), written after its condition; the program is printed in canonical form, \
      as `hophop fmt` prints it (comments are not kept). A loop whose inference gave up is left as \
      it was, and a line on standard error says why. Exit 0; with --check, 1 when some loop's \
      invariant could not be written in; 2: bad input.
      """)

  @Option(name: .short, help: "Write the program to this file instead of standard output.") var output: String?
  @Flag(help: "Exit 1 when inference gave up on some loop.") var check = false
  @Flag(name: .customLong("no-color"), help: "Do not colour diagnostics.") var noColor = false
  @Argument(help: "A Hop source file.") var file: String

  func run() throws {
    let result = InferSession.infer(file)
    OutputOptions.emit(Report(files: [result.report]), format: .text, noColor: noColor) { "" }
    guard let text = result.text else { throw ExitCode(.badInput) }
    for remark in result.remarks { Console.standardError(remark + "\n") }
    if let output {
      if let problem = FileWriter.write(Array(text.utf8), to: output, fileName: FileWriter.stem(of: file) + ".hop") {
        Console.standardError("hophop infer: cannot write '\(output)': \(problem)\n")
        throw ExitCode(.badInput)
      }
    } else {
      Console.standardOutput(text)
    }
    if check && result.isIncomplete { throw ExitCode(.failure) }
  }
}
