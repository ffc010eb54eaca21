import Foundation
import HopDriver
import HopLogic
import HopTestSupport
import Testing

/// The DOT text of a symbolic state (`hophop explain --format dot`): golden
/// files for states of the examples (cells, list segments, a tree, a doubly
/// linked segment, endpoints with peers, several cases), and what the picture
/// must say about aliasing, NULL and data fields whatever the layout.
@Suite struct HeapPictureTests {
  /// Golden file name → example, procedure and line (the state after that line).
  static let golden: [(name: String, example: String, procedure: String, line: Int)] = [
    ("cells", "smallfoot/list_copy_filter", "copy", 14),
    ("list_segment", "smallfoot/list_reverse", "reverse", 11),
    ("tree", "smallfoot/tree_mirror", "mirror", 12),
    ("dlseg", "smallfoot/dlist", "push_back", 20),
    ("endpoints_with_peers", "list_transfer", "main", 45),
    ("several_cases", "list_transfer", "get", 38),
  ]

  @Test(arguments: golden.map(\.name))
  func pictureIsTheGoldenOne(name: String) throws {
    let entry = try #require(Self.golden.first { $0.name == name })
    let path = ExampleCatalog.projectRoot.appendingPathComponent("examples/\(entry.example).hop").path
    let picture = ExplainPictureSession.picture(path: path, options: .init(procedure: entry.procedure, line: entry.line))
    let dot = try #require(picture.dot, "\(picture.problem ?? "") \(picture.report.diagnostics)")
    let expected = try String(contentsOf: ExampleCatalog.projectRoot.appendingPathComponent("Tests/Golden/heap/\(name).dot"),
                              encoding: .utf8)
    #expect(dot == expected, """
      regenerate with: hophop explain examples/\(entry.example).hop --proc \(entry.procedure) --line \(entry.line) \
      --format dot -o Tests/Golden/heap/\(name).dot
      """)
  }

  /// The statements of the DOT text, one per line, without indentation.
  static func statements(_ formula: String) -> [String] {
    HeapPicture.dot(heaps(formula)).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test func aliasesPointAtOneNodeAndNullIsDrawnOnce() {
    let lines = Self.statements("x |-> tl: NULL * y == x * z |-> tl: NULL * w == NULL")
    // x and y name one cell: both labels point at the same node.
    let x = lines.first { $0.hasPrefix("\"c1_var_x\" ->") }, y = lines.first { $0.hasPrefix("\"c1_var_y\" ->") }
    #expect(x != nil && x?.split(separator: " ")[2] == y?.split(separator: " ")[2], "\(lines)")
    // One NULL node, which both tl fields and w point at.
    let nulls = lines.filter { $0.contains("label=\"NULL\"") }
    #expect(nulls.count == 1, "\(lines)")
    let null = nulls.first?.split(separator: " ").first.map(String.init)
    #expect(lines.filter { $0.hasSuffix("-> \(null ?? "?") [tailclip=false, arrowsize=0.8];") }.count == 2, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("\"c1_var_w\" -> \(null ?? "?") ") }, "\(lines)")
  }

  @Test func aDataFieldIsWrittenInItsSlotAndAPointerFieldIsAnArrow() {
    let lines = Self.statements("x |-> hd: k, tl: y * list(y) * k == 5")
    let cell = lines.first { $0.contains("<TABLE") }
    #expect(cell?.contains("hd: k</TD>") == true, "\(lines)")
    #expect(cell?.contains("tl: &#9679;</TD>") == true, "\(lines)")
    // k is a number: no label of its own, and its fact is in the caption.
    #expect(!lines.contains { $0.contains("c1_var_k") })
    #expect(lines.contains { $0.contains("label=\"k == 5\"") }, "\(lines)")
    // The list is a thick edge from y's node to NULL.
    #expect(lines.contains { $0.contains("penwidth=3") && $0.contains("label=\"list(tl)\"") }, "\(lines)")
  }

  @Test func severalCasesAreOneClusterEach() {
    let dot = HeapPicture.dot(heaps("x |-> tl: NULL") + heaps("x == NULL"))
    #expect(dot.components(separatedBy: "subgraph cluster_").count - 1 == 2)
    #expect(dot.contains("label=\"case 1\"") && dot.contains("label=\"case 2\\nx == NULL\""), "\(dot)")
  }

  @Test func anUnreachedStateAndAnEmptyHeapAreSaidInWords() {
    #expect(HeapPicture.dot([]).contains("label=\"(not reached)\""))
    #expect(HeapPicture.dot([SymbolicHeap.emp]).contains("label=\"emp\""))
  }

  @Test func quotesAndAngleBracketsAreEscaped() {
    #expect(HeapPicture.dot([], title: "a \"b\" \\ c").contains("label=\"a \\\"b\\\" \\\\ c\""))
    let bounded = SymbolicHeap(pure: [.less(.v("k"), .int(3))], spatial: [.pointsTo(.v("x"), fields: ["hd": .v("k")])])
    #expect(HeapPicture.dot([bounded]).contains("label=\"k < 3\""))
  }
}
