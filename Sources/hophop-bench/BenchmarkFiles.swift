import Foundation

/// The input files of a benchmark: every file under a folder with a given suffix, sorted.
enum BenchmarkFiles {
  /// The files under `folder` (recursively) whose names end with `suffix`; none when `folder` is not a folder.
  static func files(under folder: String, suffix: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }.sorted()
      .map { (folder as NSString).appendingPathComponent($0) }
  }
}
