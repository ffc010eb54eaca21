import Foundation
import HopDriver
import HopTestSupport
import Testing

/// examples/README.md gives, for each invalid example whose error shows at
/// run time, the procedure and seed of a run that faults and the fault's
/// kind; each is replayed here (`--proc P --seed S --runs 1`) and must give
/// that fault, so the table cannot go stale.
@Suite struct ExamplesTableTests {
  struct Row: Sendable, CustomStringConvertible {
    var file: String
    var procedure: String
    var seed: UInt64
    var kind: String
    var description: String { "\(file) --proc \(procedure) --seed \(seed): \(kind)" }
  }

  static let rows: [Row] = {
    let page = ExampleCatalog.projectRoot.appendingPathComponent("examples/README.md")
    let text = (try? String(contentsOf: page, encoding: .utf8)) ?? ""
    let pattern = #/^\| `([^`]+)` \| [^|]+ \| [^|]+ \| `--proc (\S+) --seed (\d+)`: ([^|]+) \|/#
    return text.split(separator: "\n").compactMap { line in
      guard let match = String(line).firstMatch(of: pattern), let seed = UInt64(match.3) else { return nil }
      return Row(file: String(match.1), procedure: String(match.2), seed: seed,
                 kind: match.4.trimmingCharacters(in: .whitespaces))
    }
  }()

  @Test func theTableGivesASeedForEveryRunTimeError() {
    #expect(Self.rows.count >= 36, "\(Self.rows.count) rows with a seed")
    #expect(Set(Self.rows.map(\.kind)).isSuperset(of: [
      "null dereference", "dangling dereference", "double dispose", "leak", "contract violation",
      "unexpected message", "close in a non-final state", "close of endpoints that are not peers",
      "close with messages queued", "async precondition false at start",
    ]))
  }

  @Test(arguments: rows)
  func theSeedReplaysTheFault(row: Row) {
    let path = ExampleCatalog.projectRoot.appendingPathComponent("examples/\(row.file)").path
    let result = RunSession.run(path: path, options: .init(procedure: row.procedure, seed: row.seed, runs: 1))
    #expect(result.exitStatus == .failure, "\(row)")
    #expect(result.report.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix(row.kind + ":") },
            "\(row): \(result.report.diagnostics.map(\.message))")
  }
}
