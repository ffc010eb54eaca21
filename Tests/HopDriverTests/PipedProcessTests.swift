import Dispatch
@testable import HopDriver
import Testing

/// `PipedProcess`, which runs `dot` for the pictures, when several threads start children at once
/// (`--jobs`, and the tests themselves).
@Suite struct PipedProcessTests {
  @Test func aChildGetsItsInputAndGivesItsOutput() {
    guard case .finished(let status, let output, _) = PipedProcess.run(["/bin/cat"], input: Array("dot".utf8), timeoutSeconds: 10)
    else {
      Issue.record("cat did not finish")
      return
    }
    #expect(status == 0 && output == Array("dot".utf8))
    guard case .finished(let failed, _, _) = PipedProcess.run(["/bin/sh", "-c", "exit 3"], input: [], timeoutSeconds: 10) else {
      Issue.record("sh did not finish")
      return
    }
    #expect(failed == 3)
  }

  /// A child started while other threads wait for theirs ends on its own: no reader of its
  /// output queues behind theirs on Dispatch's few worker threads (the pictures of the examples
  /// timed out so under a parallel test run), and no child started at the same moment holds a
  /// copy of its pipes open.
  @Test func childrenStartedAtOnceDoNotHoldEachOthersPipes() {
    let group = DispatchGroup()
    for _ in 0..<3 {
      DispatchQueue.global().async(group: group) {
        for _ in 0..<2 { _ = PipedProcess.run(["/bin/sh", "-c", "sleep 3"], input: [], timeoutSeconds: 30) }
      }
    }
    // While the sleepers start one after another, each quick child must end on its own.
    var slowest: Duration = .zero
    for _ in 0..<40 {
      let time = ContinuousClock().measure { _ = PipedProcess.run(["/bin/cat"], input: [1, 2, 3], timeoutSeconds: 30) }
      slowest = max(slowest, time)
    }
    #expect(slowest < .seconds(2), "a quick child waited \(slowest) for a sleeping one")
    group.wait()
  }
}
