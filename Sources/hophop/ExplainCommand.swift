import ArgumentParser
import Glibc
import HopDriver

/// `hophop explain FILE`: the proof as the program annotated with symbolic states;
/// `hophop explain HHnnn`: the page of a diagnostic code.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Print the program with the symbolic state after each command, or the page of a code (HH102).",
    discussion: """
      Each sync procedure's source, with the symbolic state after each command as a // comment \
      (several cases numbered), the precondition's cases after the header, and the failing command \
      marked with >> and followed by its diagnostic (on a terminal, not repeated on standard error). \
      A line with several commands gets the states after each. Existentials are lettered _a, _b, ... \
      once for the whole procedure; facts about variables that are dead from a command on are not shown. \
      With --format json, the same trace as data: for \
      each command its range and its states, each as text and as atoms. Exit 0: every procedure \
      explained is valid; 1: one is not; 2: bad input.

      With --format dot, svg or png, the state after line N (--line N; by default the last state shown, \
      which for a failing proof is the one before the error) as a picture: variables point at their \
      values, a cell is a box of its fields, lseg/list a thick edge, tree a triangle, an endpoint a \
      hexagon linked to its peer, NULL one node, the pure facts below; each case is a frame. When the \
      file has several procedures, give --proc, or a --line inside one. With --format html, one self-contained page: every \
      state of every procedure with its picture, stepped with the arrow keys or j and k.

      hophop explain HHnnn (HH102, hh102, ...), when no file of that name exists, prints the page of \
      that diagnostic code: what it means, the rule of the logic behind it, a minimal program with the \
      diagnostic hophop prints for it, and how to fix it. An unknown code exits 2. With --format json, \
      the page's sections as data and its text (an unknown code: the document's error).
      """)

  @OptionGroup var output: ExplainOutputOptions
  @Option(help: "Explain only this procedure.") var proc: String?
  @Option(parsing: .unconditional, help: WholeNumberOption.help("At most this many cases after a command.", default: 4),
          transform: { try WholeNumberOption.parse($0, minimum: 1, unit: "cases") })
  var cases = 4
  @Option(parsing: .unconditional,
          help: "Wrap comment lines at this many columns, 40 or more (default: the terminal's width on a terminal, else 80).",
          transform: { try WholeNumberOption.parse($0, minimum: 40, unit: "columns") })
  var width: Int?
  @Flag(help: "Show only the spatial part of each state and the facts about live program variables.") var brief = false
  @Option(parsing: .unconditional,
          help: "Show only this line of the procedures that contain it, with its states; with --format dot, svg or png, draw the state after it.",
          transform: { try WholeNumberOption.parse($0, minimum: 1, unit: "lines") })
  var line: Int?
  @Flag(name: .customLong("no-infer"), help: "An omitted loop invariant is emp (Smallfoot's meaning), not inferred.")
  var noInfer = false
  @Argument(help: "A Hop source file, or a diagnostic code such as HH102.") var file: String

  func validate() throws {
    let drawing = output.reportFormat == nil
    if output.outputFile != nil && !drawing {
      throw ValidationError("-o writes a picture or a page: use it with --format dot, svg, png or html")
    }
    if output.format == .png && output.outputFile == nil && isatty(STDOUT_FILENO) != 0 {
      throw ValidationError("--format png writes a binary image, which a terminal cannot show; "
                            + "give '-o state.png' or redirect standard output to a file")
    }
    if output.format == .html && line != nil {
      throw ValidationError("--line picks the state of one picture; the html page has every state (drop --line)")
    }
  }

  func run() throws {
    var options = ExplainSession.Options(procedure: proc, cases: cases, width: width ?? Terminal.outputWidth ?? 80,
                                         color: OutputOptions.useColor(onStandardError: false, noColor: output.noColor),
                                         brief: brief, line: line)
    options.infersInvariants = !noInfer
    guard let format = output.reportFormat else { return try draw(options) }
    let json = format == .json
    if let page = json ? DiagnosticPages.jsonExplanation(for: file) : DiagnosticPages.explanation(for: file) {
      if page.status == .success || json { Console.standardOutput(page.text) } else { Console.standardError(page.text) }
      if page.status == .success { return }
      throw ExitCode(page.status)
    }
    let result = ExplainSession.explain(path: file, options: options)
    if let failure = result.z3Failure { try OutputOptions.fail(failure, command: "explain", files: [file], format: format) }
    // On one terminal, the error shown under its command is not printed again on standard error.
    let report = result.standardErrorReport(sameTerminal: json ? false : Terminal.outputAndErrorShareOne)
    output.emit(Report(files: [report]), text: result.text ?? "") { ExplainJSONRenderer.render(result) }
    if result.exitStatus != .success { throw ExitCode(result.exitStatus) }
  }

  /// `--format dot|svg|png|html`: the picture of one state or the page of all, written to `-o` or standard output.
  private func draw(_ options: ExplainSession.Options) throws {
    if access(file, F_OK) != 0, DiagnosticPages.explanation(for: file) != nil {
      Console.standardError("hophop: error: '\(file)' is a diagnostic code; its page is text or json, "
                            + "not --format \(output.format.rawValue)\n")
      throw ExitCode(.badInput)
    }
    let (data, status) = output.format == .html ? try page(options) : try picture(options)
    if let outputFile = output.outputFile {
      let name = (proc ?? FileWriter.stem(of: file)) + "." + output.format.rawValue
      if let problem = FileWriter.write(data, to: outputFile, fileName: name) {
        Console.standardError("hophop explain: cannot write '\(outputFile)': \(problem)\n")
        throw ExitCode(.badInput)
      }
    } else {
      FileWriter.standardOutput(data)
    }
    if status != .success { throw ExitCode(status) }
  }

  private func picture(_ options: ExplainSession.Options) throws -> ([UInt8], ExitStatus) {
    let picture = ExplainPictureSession.picture(path: file, options: options)
    try report(picture.report, problem: picture.problem, z3: picture.z3Failure)
    guard let dot = picture.dot else { throw ExitCode(picture.exitStatus) }
    if output.format == .dot { return (Array(dot.utf8), picture.exitStatus) }
    switch GraphvizRenderer.render(dot, format: output.format.rawValue) {
    case .success(let image): return (image, picture.exitStatus)
    case .failure(let failure): try fail(failure)
    }
  }

  private func page(_ options: ExplainSession.Options) throws -> ([UInt8], ExitStatus) {
    let page = ExplainPictureSession.page(path: file, options: options)
    try report(page.report, problem: page.problem, z3: page.z3Failure)
    if let failure = page.graphvizFailure { try fail(failure) }
    guard let html = page.html else { throw ExitCode(page.exitStatus) }
    return (Array(html.utf8), page.exitStatus)
  }

  /// The diagnostics on standard error, then why nothing can be drawn (exit 2), if so.
  private func report(_ report: FileReport, problem: String?, z3: Z3Failure?) throws {
    if let z3 { try OutputOptions.fail(z3, command: "explain", files: [file], format: .text) }
    Console.standardError(TextRenderer(useColor: OutputOptions.useColor(onStandardError: true, noColor: output.noColor))
      .render(Report(files: [report])))
    if let problem {
      Console.standardError("hophop: error: \(problem)\n")
      throw ExitCode(.badInput)
    }
  }

  /// `dot` was missing, failed or took too long: the message `hophop contract` prints, exit 2.
  private func fail(_ failure: GraphvizRenderer.Failure) throws -> Never {
    Console.standardError("hophop explain: \(failure)\n")
    throw ExitCode(.badInput)
  }
}
