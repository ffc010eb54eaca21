import Foundation
import HopRuntime
import HopTestSupport
import Testing

/// Writes the random programs of every family to a folder, for a differential run
/// against an independent checker or explorer outside the suite:
/// `HOPHOP_DUMP_PROGRAMS=DIR HOPHOP_DUMP_COUNT=N swift test --filter GeneratedProgramDumpTests`
/// writes N programs per family (default 150) as `DIR/family-i.hop`. Without the
/// variable the test does not run.
@Suite struct GeneratedProgramDumpTests {
  static let folder = ProcessInfo.processInfo.environment["HOPHOP_DUMP_PROGRAMS"]

  @Test(.enabled(if: folder != nil)) func dumpEveryFamily() throws {
    let folder = try #require(Self.folder)
    let count = Int(ProcessInfo.processInfo.environment["HOPHOP_DUMP_COUNT"] ?? "") ?? 150
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (index, family) in RandomSyncProgram.Family.allCases.enumerated() {
      var random = SplitMix64(seed: 1_000 + UInt64(index))
      for number in 0..<count {
        let text = RandomSyncProgram.generate(family, using: &random)
        try text.write(toFile: "\(folder)/\(family.rawValue)-\(number).hop", atomically: true, encoding: .utf8)
      }
    }
  }
}
