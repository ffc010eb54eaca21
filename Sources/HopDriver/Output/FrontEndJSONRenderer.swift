import HopSyntax

/// `hophop parse --format json` and `hophop fmt --format json`: the common
/// `JSONReport`, with the syntax tree (`ASTJSON`) or the canonical text of
/// each file that parsed and resolved as its result.
public enum FrontEndJSONRenderer {
  /// The result of `parse`: the tree, with ranges unless `ranges` is false.
  struct ParsePayload: Encodable {
    var ast: ASTJSON
  }

  /// The result of `fmt`: the canonical text, exactly as `fmt` prints it.
  struct FormatPayload: Encodable {
    var text: String
  }

  public static func parse(_ files: [FrontEndSession.LoadedFile], ranges: Bool = true) -> String {
    render(files, command: "parse") { program, source in
      ParsePayload(ast: ASTJSON.tree(program, file: source, ranges: ranges))
    }
  }

  public static func format(_ files: [FrontEndSession.LoadedFile]) -> String {
    render(files, command: "fmt") { program, _ in FormatPayload(text: PrettyPrinter.print(program)) }
  }

  private static func render<Payload: Encodable>(
    _ files: [FrontEndSession.LoadedFile], command: String, _ payload: (Program, SourceFile) -> Payload
  ) -> String {
    let report = Report(files: files.map(\.report))
    return JSONReport(command: command, exitStatus: report.hasErrors ? .badInput : .success, files: files.map { file in
      JSONFileReport(file.report, result: file.program.flatMap { program in file.report.source.map { payload(program, $0) } })
    }).text
  }
}
