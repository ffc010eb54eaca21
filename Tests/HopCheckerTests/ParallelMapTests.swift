#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import HopChecker
import Synchronization
import Testing

/// `ParallelMap` (decisions 77 and 86): results in the input's order whatever thread made them,
/// the calling thread alone until the delay has passed, and no helper's state made once the
/// calling thread has finished.
@Suite struct ParallelMapTests {
  /// The calling thread's identity, comparable across threads.
  static func threadID() -> UInt { UInt(bitPattern: Int(pthread_self())) }

  /// Helpers started at once take elements too, even while Dispatch's shared pool is kept busy
  /// (as a test runner's tasks or other files' work keep it): they have threads of their own.
  @Test func helpersStartedAtOnceShareTheWorkAndKeepTheOrder() {
    if #unavailable(macOS 15) { return }
    let release = DispatchSemaphore(value: 0)
    let busy = 16
    for _ in 0..<busy { DispatchQueue.global().async { release.wait() } }
    defer { for _ in 0..<busy { release.signal() } }
    let threads = Mutex<Set<UInt>>([])
    let results = ParallelMap.map(Array(0..<60), jobs: 4, delay: .zero, state: { 0 }) { done, element in
      threads.withLock { _ = $0.insert(Self.threadID()) }
      usleep(2_000)
      done += 1
      return element * element
    }
    #expect(results == (0..<60).map { $0 * $0 })
    #expect(threads.withLock { $0.count } > 1, "helpers started at once take elements too")
  }

  /// Work shorter than the delay (40 ms here) is done on the calling thread alone, and the call
  /// does not wait for the delay to pass.
  @Test func workShorterThanTheDelayStaysOnTheCallingThread() {
    if #unavailable(macOS 15) { return }
    let caller = Self.threadID()
    let threads = Mutex<Set<UInt>>([])
    let states = Mutex(0)
    let clock = ContinuousClock()
    let start = clock.now
    let results = ParallelMap.map(Array(0..<40), jobs: 4, delay: .seconds(600), state: {
      states.withLock { $0 += 1 }
    }) { _, element in
      threads.withLock { _ = $0.insert(Self.threadID()) }
      usleep(1_000)
      return element + 1
    }
    #expect(results == Array(1...40))
    #expect(threads.withLock { $0 } == [caller])
    #expect(states.withLock { $0 } == 1)
    #expect(clock.now - start < .seconds(60), "the call does not wait for helpers that were never needed")
  }

  /// Work that lasts longer than the delay is shared: the calling thread, finishing an element
  /// after the delay has passed, starts the helpers, and they take elements too.
  @Test func workLongerThanTheDelayIsShared() {
    if #unavailable(macOS 15) { return }
    let caller = Self.threadID()
    let threads = Mutex<Set<UInt>>([])
    let results = ParallelMap.map(Array(0..<60), jobs: 3, delay: .milliseconds(5), state: { 0 }) { _, element in
      threads.withLock { _ = $0.insert(Self.threadID()) }
      usleep(2_000)
      return element * 3
    }
    #expect(results == (0..<60).map { $0 * 3 })
    let seen = threads.withLock { $0 }
    #expect(seen.contains(caller) && seen.count > 1, "helpers join once the delay has passed")
  }

  /// A helper whose delay passes after the calling thread took the last element makes no state
  /// (no prover, no Z3 context) and takes nothing.
  @Test func aHelperStartedAfterTheEndDoesNothing() {
    let states = Mutex(0)
    let results = ParallelMap.map(Array(0..<3), jobs: 2, delay: .milliseconds(5), state: {
      states.withLock { $0 += 1 }
    }) { _, element in element }
    #expect(results == [0, 1, 2])
    usleep(100_000)
    #expect(states.withLock { $0 } == 1)
  }

  @Test func oneJobIsTheCallingThreadInOrder() {
    let caller = Self.threadID()
    let threads = Mutex<Set<UInt>>([])
    let results = ParallelMap.map(Array(0..<10), jobs: 1, delay: .zero, state: { () }) { _, element in
      threads.withLock { _ = $0.insert(Self.threadID()) }
      return -element
    }
    #expect(results == (0..<10).map { -$0 })
    #expect(threads.withLock { $0 } == [caller])
  }
}
