import Foundation
import HopTestSupport
import Testing

/// docs/tutorial.md (and README.md's explain section) show real commands
/// with their real output; this test runs each ```console block's command
/// with the built `hophop` and fails when the output differs, so the pages
/// cannot rot. Times vary from run
/// to run and are compared as `_ ms`.
///
/// `HOPHOP_REGENERATE_TUTORIAL=1 swift test --filter TutorialTests` writes the
/// current outputs into the page instead, and fails, so that a regenerating
/// run is never mistaken for a passing one.
@Suite struct TutorialTests {
  static let page = ExampleCatalog.projectRoot.appendingPathComponent("docs/tutorial.md")
  static let readme = ExampleCatalog.projectRoot.appendingPathComponent("README.md")

  /// One ```console block: its command (after `$ hophop `) and the output shown under it.
  struct Block {
    var arguments: [String]
    var shown: String
    /// The block's lines in the page, fences excluded.
    var lines: Range<Int>
  }

  static func blocks(_ lines: [String]) -> [Block] {
    var found: [Block] = []
    var index = 0
    while index < lines.count {
      defer { index += 1 }
      guard lines[index] == "```console" else { continue }
      let start = index + 1
      guard let end = lines[start...].firstIndex(of: "```") else { break }
      let command = lines[start]
      let arguments = command.hasPrefix("$ hophop ") ? command.dropFirst(9).split(separator: " ").map(String.init) : []
      found.append(Block(arguments: arguments, shown: lines[(start + 1)..<end].joined(separator: "\n"),
                         lines: start..<end))
      index = end
    }
    return found
  }

  /// What the command prints, verdicts (standard output) first, run from the repository's root.
  static func output(_ arguments: [String]) throws -> String {
    let run = try EntailCommandLineTests.run(arguments, in: ExampleCatalog.projectRoot)
    let text = run.output + run.errors
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  static func blankingTimes(_ text: String) throws -> String {
    text.replacing(try Regex(#"[0-9]+(\.[0-9]+)? ms"#), with: "_ ms")
  }

  @Test func everyCommandOfTheTutorialPrintsWhatThePageShows() throws {
    try Self.verify(Self.page, atLeast: 12)
  }

  @Test func theReadmesExplanationIsTheRealOne() throws {
    try Self.verify(Self.readme, atLeast: 1)
  }

  static func verify(_ page: URL, atLeast count: Int) throws {
    var lines = try String(contentsOf: page, encoding: .utf8).components(separatedBy: "\n")
    let blocks = Self.blocks(lines)
    #expect(blocks.count >= count, "\(page.lastPathComponent): its console blocks")
    let regenerate = ProcessInfo.processInfo.environment["HOPHOP_REGENERATE_TUTORIAL"] == "1"
    for block in blocks.reversed() {
      try #require(!block.arguments.isEmpty, "a console block must start with `$ hophop ...`")
      let actual = try Self.output(block.arguments)
      if regenerate {
        lines.replaceSubrange((block.lines.lowerBound + 1)..<block.lines.upperBound,
                              with: actual.components(separatedBy: "\n"))
      } else {
        #expect(try Self.blankingTimes(actual) == Self.blankingTimes(block.shown),
                "hophop \(block.arguments.joined(separator: " ")): regenerate with HOPHOP_REGENERATE_TUTORIAL=1")
      }
    }
    if regenerate {
      try lines.joined(separator: "\n").write(to: page, atomically: true, encoding: .utf8)
      // A regenerating run checks nothing, so it must never pass as a green test run.
      Issue.record("\(page.lastPathComponent) regenerated (HOPHOP_REGENERATE_TUTORIAL=1): review the diff, then run without it")
    }
  }

  @Test func theTutorialWalksFromOneCellToTheLockServer() throws {
    let blocks = Self.blocks(try String(contentsOf: Self.page, encoding: .utf8).components(separatedBy: "\n"))
    let files = blocks.compactMap { $0.arguments.first { $0.hasSuffix(".hop") } }
    #expect(files.first == "examples/tutorial/01_cell.hop")
    #expect(files.last == "examples/heaphop/lock_server.hop")
    #expect(files.contains("examples/list_transfer.hop"))
    // The failing steps show their diagnostic, not just a verdict.
    for block in blocks where block.shown.contains("invalid") {
      #expect(block.shown.contains("error: "), "\(block.arguments)")
    }
  }
}
