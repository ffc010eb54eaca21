import Foundation
import HopDriver
import HopSyntax
import HopTestSupport
import Testing

/// `hophop run` as a library call: summary, diagnostics and exit status.
@Suite struct RunSessionTests {
  func path(_ example: String) -> String {
    ExampleCatalog.projectRoot.appendingPathComponent("examples/" + example).path
  }

  @Test func aValidExampleRunsWithoutFault() {
    let result = RunSession.run(path: path("list_transfer.hop"), options: .init(runs: 50))
    #expect(result.exitStatus == .success)
    #expect(result.text.hasPrefix("run main: 50 runs (seeds 1-50): 50 completed, 0 faulted"))
    #expect(result.report.diagnostics.isEmpty)
  }

  @Test func aFaultIsReportedOnceWithItsSeedAndTrace() throws {
    let result = RunSession.run(path: path("smallfoot/double_dispose.hop"), options: .init(runs: 10))
    #expect(result.exitStatus == .failure)
    let diagnostic = try #require(result.report.diagnostics.first)
    #expect(result.report.diagnostics.count == 1)
    #expect(diagnostic.code == .runtimeFault(.doubleDispose))
    let source = try #require(result.report.source)
    #expect(source.location(of: diagnostic.range.start).line == 9)
    #expect(diagnostic.notes.contains { $0.message.contains("--seed 1") })
    #expect(diagnostic.notes.contains { $0.message.hasPrefix("line 8, thread 0, free_twice: dispose x;") })
  }

  @Test func theSeedOfAWitnessReplaysIt() throws {
    let first = RunSession.run(path: path("heaphop/swap_alias.hop"), options: .init(runs: 200))
    let campaign = try #require(first.campaigns.first)
    let kind = try #require(campaign.kinds.first)
    let seed = try #require(campaign.witnesses[kind]?.seed)
    let replay = RunSession.run(path: path("heaphop/swap_alias.hop"), options: .init(seed: seed, runs: 1))
    #expect(replay.campaigns.first?.kinds == [kind])
  }

  @Test func badInputExitsTwo() {
    #expect(RunSession.run(path: "/no/such/file.hop").exitStatus == .badInput)
    let unknown = RunSession.run(path: path("list_transfer.hop"), options: .init(procedure: "nope"))
    #expect(unknown.exitStatus == .badInput)
    #expect(unknown.report.diagnostics.map(\.code) == [.runtimeUnknownProcedure])
  }
}
