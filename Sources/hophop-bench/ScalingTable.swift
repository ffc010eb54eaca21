/// The table `hophop-bench scaling` prints: a row per workload, a column per executable
/// measured (numbered as in the `columns:` line above it), and the peer or floor last.
/// Markdown, so that it can go into a note or the README as it is.
struct ScalingTable {
  var columns: Int
  private var rows: [(name: String, cells: [String], peer: String)] = []

  init(columns: Int) { self.columns = columns }

  mutating func add(_ name: String, _ cells: [String], peer: String) {
    rows.append((name, cells, peer))
    // Each row is also shown as soon as it is measured: the large sizes take minutes.
    Swift.print("  \(name): " + cells.joined(separator: " | ") + (peer.isEmpty ? "" : " | \(peer)"))
  }

  func print() {
    Swift.print("\n| workload | " + (1...max(1, columns)).map { "[\($0)]" }.joined(separator: " | ") + " | peer / floor |")
    Swift.print("|---|" + String(repeating: "---|", count: max(1, columns)) + "---|")
    for row in rows {
      Swift.print("| \(row.name) | " + row.cells.joined(separator: " | ") + " | \(row.peer) |")
    }
  }
}
