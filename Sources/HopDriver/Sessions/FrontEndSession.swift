import HopSyntax

/// Loads and front-ends a list of files: the first step of every command.
public enum FrontEndSession {
  /// One input file after the front end.
  public struct LoadedFile: Sendable {
    public var report: FileReport
    /// The program, when it parsed and resolved without errors.
    public var program: Program?
  }

  /// Reads, parses and resolves each path, in the order given.
  public static func load(_ paths: [String]) -> [LoadedFile] {
    paths.map { path in
      switch SourceLoader.load(path) {
      case .failure(let failure):
        return LoadedFile(report: FileReport(path: path, source: nil, diagnostics: [failure.diagnostic]), program: nil)
      case .success(let source):
        let result = Frontend.analyze(source)
        return LoadedFile(report: FileReport(path: path, source: source, diagnostics: result.diagnostics),
                          program: result.isUsable ? result.program : nil)
      }
    }
  }
}
