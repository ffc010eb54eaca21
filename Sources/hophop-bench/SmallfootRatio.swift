import Foundation

/// hophop's time over Smallfoot 0.1's on each of Smallfoot's EXAMPLES, as whole processes,
/// the runs interleaved (hophop builds, then Smallfoot, five passes); the figure per
/// executable is the median over the files of the ratio of medians. The same measure as
/// Benchmarks/smallfoot-side-by-side.sh, for several hophop builds in one run.
enum SmallfootRatio {
  static func median(hophops: [String], smallfoot: String, folder: String, passes: Int = 5) throws -> [Double] {
    let files = BenchmarkFiles.files(under: folder, suffix: ".sf")
    guard !files.isEmpty else { throw ChildError(message: "no .sf files under \(folder)") }
    var ratios = hophops.map { _ in [Double]() }
    for file in files {
      var times = hophops.map { _ in [Double]() }
      var peer: [Double] = []
      for _ in 0..<passes {
        for (index, hophop) in hophops.enumerated() { times[index].append(try ChildRun.run(hophop, ["check", file]).wallSeconds) }
        peer.append(try ChildRun.run(smallfoot, [file]).wallSeconds)
      }
      for index in hophops.indices { ratios[index].append(middle(times[index]) / middle(peer)) }
    }
    return ratios.map(middle)
  }

  static func middle(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted.count % 2 == 1 ? sorted[sorted.count / 2]
      : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }
}
