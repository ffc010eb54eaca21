import HopSyntax

/// The `result` of `hophop explain HHnnn --format json`: the page's sections
/// as data, and `text`, the page exactly as the text form prints it, so that a
/// tool (an editor showing the page of a diagnostic) need not parse the text.
/// The file of the JSON document is the argument, the code as it was given.
public struct DiagnosticPageJSON: Encodable {
  public var code: String
  public var title: String
  public var meaning: String
  public var rule: String
  public var example: Example?
  public var fix: String
  /// The example's file with the fix applied; absent when the page shows no fixed program.
  public var fixed: Input?
  /// The page as `hophop explain HHnnn` prints it without `--format json`.
  public var text: String

  /// The example: the command line, the file's name and contents, and what hophop prints for it.
  public struct Example: Encodable {
    public var commandLine: String
    public var file: String
    public var input: Input
    public var output: String
  }

  /// A file's contents: its text, the shell command that writes it, or neither when there is no file.
  public struct Input: Encodable {
    public var text: String?
    public var shell: String?

    init(_ input: DiagnosticPage.Input) {
      switch input {
      case .text(let text): self.text = text
      case .shell(let command): shell = command
      case .missing: break
      }
    }
  }

  public init(_ page: DiagnosticPage) {
    code = page.code.rawValue
    title = page.title
    meaning = page.meaning
    rule = page.rule
    example = page.example.map {
      Example(commandLine: $0.commandLine, file: $0.file, input: Input($0.input), output: $0.output)
    }
    fix = page.fix
    fixed = page.fixed.flatMap { if case .missing = $0 { nil } else { Input($0) } }
    text = DiagnosticPages.render(page)
  }
}

extension DiagnosticPages {
  /// `explanation(for:)` as the JSON document of `--format json`: the page as the one file's
  /// result, or, for an unknown code, no file and the message as the document's error (exit 2).
  public static func jsonExplanation(for argument: String) -> (text: String, status: ExitStatus)? {
    guard let explained = explanation(for: argument) else { return nil }
    guard let page = page(for: argument) else {
      let report = JSONReport<DiagnosticPageJSON>(command: "explain", exitStatus: explained.status, files: [],
                                                  error: JSONFatalError(message: unknownCodeMessage(argument)))
      return (report.text, explained.status)
    }
    let file = JSONFileReport(FileReport(path: argument, source: nil, diagnostics: []), result: DiagnosticPageJSON(page))
    return (JSONReport(command: "explain", exitStatus: .success, files: [file]).text, .success)
  }
}
