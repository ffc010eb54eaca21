import Foundation

/// The repository's example programs and the verdict each one declares on
/// its first line, shared by every test that walks examples/ (front end now,
/// the checker later), so there is one reading of the `// expect:` convention.
public enum ExampleCatalog {
  /// The package root, found from this file's own path.
  public static let projectRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Every `.hop` file under `folder` (relative to the package root), sorted.
  public static func hopFiles(under folder: String) -> [String] {
    let base = projectRoot.appendingPathComponent(folder)
    guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
    var found: [String] = []
    for case let url as URL in walker where url.pathExtension == "hop" { found.append(url.path) }
    return found.sorted()
  }

  /// The example programs of examples/, less examples/diagnostics/: those are the programs of
  /// the `hophop explain` pages (docs/diagnostics/), most of them wrong on purpose, and
  /// DiagnosticPagesTests checks them against their recorded output.
  public static var examples: [String] {
    hopFiles(under: "examples").filter { !$0.contains("/examples/diagnostics/") }
  }

  /// What an example's first line says hophop must answer.
  public enum Expectation: Equatable, Sendable {
    case valid
    /// An error with this code (`HH102`), at this line when the line is given.
    case error(code: String, line: Int?)

    /// Reads `// expect: valid` or `// expect: error HHnnn [at LINE]`; nil when the line is anything else.
    public init?(firstLine: String) {
      let words = firstLine.split(separator: " ").map(String.init)
      guard words.count >= 3, words[0] == "//", words[1] == "expect:" else { return nil }
      switch Array(words.dropFirst(2)) {
      case ["valid"]:
        self = .valid
      case let rest where rest.count == 2 && rest[0] == "error" && Self.isCode(rest[1]):
        self = .error(code: rest[1], line: nil)
      case let rest where rest.count == 4 && rest[0] == "error" && Self.isCode(rest[1]) && rest[2] == "at":
        guard let line = Int(rest[3]), line > 0 else { return nil }
        self = .error(code: rest[1], line: line)
      default:
        return nil
      }
    }

    private static func isCode(_ word: String) -> Bool {
      word.count == 5 && word.hasPrefix("HH") && word.dropFirst(2).allSatisfy(\.isNumber)
    }
  }

  /// The expectation declared by the file at `path`, or nil when its first line declares none.
  public static func expectation(of path: String) throws -> Expectation? {
    let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
    return Expectation(firstLine: String(text.prefix { $0 != "\n" }))
  }

  /// Every error the file at `path` declares: one per `// expect: error ...` line at its top, so an
  /// example that gives two errors says so on its first two lines (`[]` for a valid one; nil when
  /// the first line declares nothing).
  public static func expectedErrors(of path: String) throws -> [(code: String, line: Int?)]? {
    let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
    var errors: [(code: String, line: Int?)] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      switch Expectation(firstLine: String(line)) {
      case .valid?: return errors.isEmpty ? [] : nil
      case .error(let code, let at)?: errors.append((code, at))
      case nil: return errors.isEmpty ? nil : errors
      }
    }
    return errors.isEmpty ? nil : errors
  }

  /// Whether the errors found, as code and line, are exactly those `expected` declares (a declared
  /// error without a line matches that code at any line), so an extra error fails the example.
  public static func matches(_ found: [(code: String, line: Int)], _ expected: [(code: String, line: Int?)]) -> Bool {
    var left = found
    for error in expected {
      guard let index = left.firstIndex(where: { $0.code == error.code && (error.line == nil || $0.line == error.line) })
      else { return false }
      left.remove(at: index)
    }
    return left.isEmpty
  }
}
