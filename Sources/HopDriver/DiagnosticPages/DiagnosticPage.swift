import HopSyntax

/// The page `hophop explain HHnnn` prints for one diagnostic code, in the
/// style of `rustc --explain`: what the code means, the rule of the logic
/// behind it, a minimal input that gives it with the diagnostic hophop
/// really prints for it, and how to fix it.
///
/// A page is written in docs/diagnostics/HHnnn.md, with its programs and
/// recorded output in examples/diagnostics/; DiagnosticPagesPlugin makes the
/// text part of the binary (hophop is shipped as one static executable,
/// decisions 52 and 62). `DiagnosticPagesTests` runs every example and every
/// fixed program through the real session, so a page cannot drift from what
/// the tool says.
public struct DiagnosticPage: Sendable {
  public var code: DiagnosticCode
  /// One line, as in docs/diagnostics.md.
  public var title: String
  /// What the diagnostic says about the program.
  public var meaning: String
  /// The rule of the logic (or of the tool) that the diagnostic enforces.
  public var rule: String
  /// An input that gives the code, or nil when none can (then `meaning` says why).
  public var example: Example?
  /// How to make the diagnostic go away.
  public var fix: String
  /// The example with the fix applied (same file name and command); it must not give the code.
  public var fixed: Input?

  public init(code: DiagnosticCode, title: String, meaning: String, rule: String, example: Example?, fix: String,
              fixed: Input? = nil) {
    self.code = code
    self.title = title
    self.meaning = meaning
    self.rule = rule
    self.example = example
    self.fix = fix
    self.fixed = fixed
  }

  /// A file, the command run on it, and the diagnostics that command prints (text, no colour).
  public struct Example: Sendable {
    public var command: Command
    /// The file's name on the page and in `output`.
    public var file: String
    public var input: Input
    /// Exactly what the command prints on standard error for `file`, with `--no-color`.
    public var output: String

    public init(_ command: Command, file: String, input: Input, output: String) {
      self.command = command
      self.file = file
      self.input = input
      self.output = output
    }

    /// The command line as the page shows it.
    public var commandLine: String {
      switch command {
      case .check: "hophop check \(file)"
      case .lint: "hophop lint \(file)"
      case .entail: "hophop entail \(file)"
      case .contract(let name): "hophop contract \(file) \(name)"
      case .lintUnresolved: "FileContracts(program) of HopContracts, on \(file) parsed without name resolution"
      case .run(let procedure, let seed, let runs):
        "hophop run \(file)" + (procedure.map { " --proc \($0)" } ?? "") + " --seed \(seed) --runs \(runs)"
      }
    }
  }

  /// The command that gives an example's diagnostic.
  public enum Command: Hashable, Sendable {
    /// `hophop check FILE`.
    case check
    /// `hophop lint FILE`.
    case lint
    /// `hophop entail FILE.smt2`.
    case entail
    /// `hophop contract FILE NAME`.
    case contract(String)
    /// No command: the library (`FileContracts`) lints the contracts of a file that was only
    /// parsed. The command line resolves names first, which reports some problems earlier.
    case lintUnresolved
    /// `hophop run FILE [--proc NAME] --seed S --runs N`: the seed and the number of runs are
    /// always given, so that the page's run (inputs, schedule, trace) is the one shown.
    case run(procedure: String? = nil, seed: UInt64, runs: Int)
  }

  /// The contents of an example's file.
  public enum Input: Sendable {
    /// The file holds this text.
    case text(String)
    /// A shell command (run with `sh -c` in the file's folder) writes the file:
    /// for inputs a page cannot show as text (bytes that are not UTF-8, very deep nesting).
    case shell(String)
    /// There is no such file.
    case missing
  }
}
