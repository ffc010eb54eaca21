import Dispatch
import Synchronization

/// Independent pieces of work (the procedures of a file, the files of a run)
/// done on several threads, with their results in the order of the input, so
/// that `check --jobs N` prints what `--jobs 1` prints (decision 77).
///
/// Each worker thread makes its own state once (a `Prover`, and with it its own
/// Z3 context: a Z3 context must not be used by two threads at once) and keeps
/// it for every element it takes; the elements are taken one at a time from a
/// shared counter, so a slow procedure does not hold up a batch. Nothing else is
/// shared: the results go into their own slots under a lock.
public enum ParallelMap {
  /// `transform` of every element, on up to `jobs` threads (1: on the calling thread, in order),
  /// in the elements' order whatever order they finished in.
  public static func map<Element: Sendable, State, Result: Sendable>(
    _ elements: [Element], jobs: Int, state makeState: @Sendable () -> State,
    _ transform: @Sendable (inout State, Element) -> Result
  ) -> [Result] {
    let workers = min(max(1, jobs), elements.count)
    guard workers > 1 else {
      var state = makeState()
      return elements.map { transform(&state, $0) }
    }
    guard #available(macOS 15, *) else {
      // Synchronization's Mutex and Atomic need macOS 15; on macOS 14 the work stays sequential.
      var state = makeState()
      return elements.map { transform(&state, $0) }
    }
    return concurrently(elements, workers: workers, state: makeState, transform)
  }

  @available(macOS 15, *)
  private static func concurrently<Element: Sendable, State, Result: Sendable>(
    _ elements: [Element], workers: Int, state makeState: @Sendable () -> State,
    _ transform: @Sendable (inout State, Element) -> Result
  ) -> [Result] {
    let next = Atomic<Int>(0)
    let slots = Mutex<[Result?]>(Array(repeating: nil, count: elements.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      var state = makeState()
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < elements.count else { return }
        let result = transform(&state, elements[index])
        slots.withLock { $0[index] = result }
      }
    }
    return slots.withLock { slots in slots.map { $0! } }
  }
}
