import Foundation
import HopDriver

/// The generated programs of `hophop-bench async`, N async procedures each
/// bumping its own global (so every program state has N globals):
///
/// - the ring (`--ring N`): each also posts the next one around the ring,
///
///       global g0, g1, ..., g(N-1);
///       async main() { post p0(1); }
///       async p_i(x) [x > 0] { g_i = g_i + 1; post p_(i+1 mod N)(x); }
///
///   so every p_i is a sibling of every other (condition 4 has N² pairs) and
///   each has a condition 2 query;
/// - independent procedures (`--independent N`): the same without the posts
///   (`async main() { }`), where no procedure needs the others.
///
/// Both should be proved; issue 27 §2 asks for 1,000 of them in seconds.
enum AsyncGeneratedProgram: String {
  case ring
  case independent

  func text(size n: Int) -> String {
    var text = "// hophop-bench async --\(rawValue) \(n): \(n) async procedures.\n"
    text += "global " + (0..<n).map { "g\($0)" }.joined(separator: ", ") + ";\n\n"
    switch self {
    case .ring: text += "async main() {\n  post p0(1);\n}\n"
    case .independent: text += "async main() {\n}\n"
    }
    for i in 0..<n {
      let post = self == .ring ? "  post p\((i + 1) % n)(x);\n" : ""
      text += "\nasync p\(i)(x) [x > 0] {\n  g\(i) = g\(i) + 1;\n\(post)}\n"
    }
    return text
  }

  /// Writes the program of each size, checks it once (in process, like the examples) and prints a line per size.
  func run(sizes: [Int]) throws {
    guard !sizes.isEmpty else { return }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-bench-\(rawValue)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let title = self == .ring ? "ring of N procedures" : "N independent procedures"
    print(title.padding(toLength: 42, withPad: " ", startingAt: 0)
          + "verdict   total (ms)   queries   solver (ms)   per procedure (ms)")
    for size in sizes where size > 0 {
      let path = folder.appendingPathComponent("\(rawValue)-\(size).hop").path
      try text(size: size).write(toFile: path, atomically: true, encoding: .utf8)
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
