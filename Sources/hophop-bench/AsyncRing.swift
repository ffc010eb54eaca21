import Foundation
import HopDriver

/// The ring of `hophop-bench async --ring N`: N async procedures, each
/// bumping its own global and posting the next one around the ring,
///
///     global g0, g1, ..., g(N-1);
///     async main() { post p0(1); }
///     async p_i(x) [x > 0] { g_i = g_i + 1; post p_(i+1 mod N)(x); }
///
/// so every p_i is a sibling of every other (condition 4 has N² pairs) and
/// every program state has N globals. It should be proved.
enum AsyncRing {
  static func program(size n: Int) -> String {
    var text = "// hophop-bench async --ring \(n): a ring of \(n) async procedures.\n"
    text += "global " + (0..<n).map { "g\($0)" }.joined(separator: ", ") + ";\n\n"
    text += "async main() {\n  post p0(1);\n}\n"
    for i in 0..<n {
      text += "\nasync p\(i)(x) [x > 0] {\n  g\(i) = g\(i) + 1;\n  post p\((i + 1) % n)(x);\n}\n"
    }
    return text
  }

  /// Writes the ring of each size, checks it once (in process, like the examples) and prints a line per size.
  static func run(sizes: [Int]) throws {
    guard !sizes.isEmpty else { return }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-bench-ring")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    print("ring of N procedures                      verdict   total (ms)   queries   solver (ms)   per procedure (ms)")
    for size in sizes where size > 0 {
      let path = folder.appendingPathComponent("ring-\(size).hop").path
      try program(size: size).write(toFile: path, atomically: true, encoding: .utf8)
      var result: CheckSession.Result?
      let time = ContinuousClock().measure { result = CheckSession.check([path]) }
      let checked = result?.files.first
      print("N = \(size)".padding(toLength: 42, withPad: " ", startingAt: 0)
            + (checked?.async?.outcome.rawValue ?? "-").padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: "%10.1f", time.milliseconds)
            + String(format: "%10d", checked?.async?.queryCount ?? 0)
            + String(format: "%14.1f", (checked?.async?.solverTime ?? .zero).milliseconds)
            + String(format: "%21.2f", time.milliseconds / Double(size + 1)))
    }
  }
}
