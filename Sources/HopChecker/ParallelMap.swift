import Dispatch
import Synchronization

/// Independent pieces of work (the procedures of a file, the files of a run)
/// done on several threads, with their results in the order of the input, so
/// that `check --jobs N` prints what `--jobs 1` prints (decision 77).
///
/// The calling thread starts the work alone, and the other workers join only
/// when it has lasted `ParallelMap.helperDelay` (decision 86): most files are
/// checked in a few milliseconds, less than starting threads and waiting for
/// them to be scheduled costs, and a small check then runs on one thread as
/// Smallfoot does. The calling thread looks at the time each time it finishes
/// an element (decision 87), so that no thread at all (not even a timer's) is
/// started for a small check; the price is that helpers start only once the
/// first element is done. Each worker makes its own state once (a `Prover`, and with
/// it its own Z3 context: a Z3 context must not be used by two threads at once)
/// and keeps it for every element it takes; the elements are taken one at a
/// time from a shared counter, so a slow procedure does not hold up a batch.
/// Nothing else is shared: the results go into their own slots under a lock.
public enum ParallelMap {
  /// How long the calling thread works alone before the other workers are started.
  public static let helperDelay: Duration = .milliseconds(5)

  /// `transform` of every element, on up to `jobs` threads (1: on the calling thread, in order),
  /// in the elements' order whatever order they finished in. With `delay` (`helperDelay` unless
  /// told otherwise) the calling thread works alone for that long, and until it finishes an element,
  /// before the others are started.
  public static func map<Element: Sendable, State, Result: Sendable>(
    _ elements: [Element], jobs: Int, delay: Duration = helperDelay, state makeState: @escaping @Sendable () -> State,
    _ transform: @escaping @Sendable (inout State, Element) -> Result
  ) -> [Result] {
    let workers = min(max(1, jobs), elements.count)
    // Synchronization's Mutex and Atomic need macOS 15; on macOS 14 the work stays sequential.
    if workers > 1, #available(macOS 15, *) {
      return SharedWork(elements, transform).run(helpers: workers - 1, after: delay, state: makeState)
    }
    var state = makeState()
    return elements.map { transform(&state, $0) }
  }
}

/// The elements of one `ParallelMap.map`, the counter its workers take them from, and their
/// results: a class, because helpers started later by Dispatch outlive the call's frame.
@available(macOS 15, *)
private final class SharedWork<Element: Sendable, State, Result: Sendable>: Sendable {
  private let elements: [Element]
  private let transform: @Sendable (inout State, Element) -> Result
  private let next = Atomic<Int>(0)
  private let slots: Mutex<[Result?]>
  /// Whether the calling thread has taken the last element: a helper started after that does nothing.
  private let closed = Mutex(false)
  private let helpers = DispatchGroup()

  init(_ elements: [Element], _ transform: @escaping @Sendable (inout State, Element) -> Result) {
    self.elements = elements
    self.transform = transform
    slots = Mutex(Array(repeating: nil, count: elements.count))
  }

  /// Works on the calling thread, starts `helpers` more workers once it has worked `delay` (looked at
  /// as it finishes each element, while elements are left), and waits for the elements the helpers
  /// took before it returns every result.
  func run(helpers count: Int, after delay: Duration, state makeState: @escaping @Sendable () -> State) -> [Result] {
    // Each helper gets a serial queue of its own: such queues run on Dispatch's overcommitting
    // threads, so a helper starts even when the shared pool is busy (with other files' work, or
    // with a test runner's tasks), instead of queueing behind it.
    let start = { [self] in
      for index in 0..<count {
        DispatchQueue(label: "hophop.parallel-map.\(index)").async { self.help(state: makeState) }
      }
    }
    var state = makeState()
    if delay <= .zero {
      start()
      work(state: &state)
    } else {
      let clock = ContinuousClock()
      let deadline = clock.now + delay
      var started = false
      while take(state: &state) {
        if !started && clock.now >= deadline && next.load(ordering: .relaxed) < elements.count {
          started = true
          start()
        }
      }
    }
    closed.withLock { $0 = true }
    helpers.wait()
    return slots.withLock { slots in slots.map { $0! } }
  }

  /// A helper: nothing if the calling thread is already done, else elements until none is left.
  private func help(state makeState: () -> State) {
    let joined = closed.withLock { closed in
      if closed { return false }
      helpers.enter()
      return true
    }
    guard joined else { return }
    defer { helpers.leave() }
    guard next.load(ordering: .relaxed) < elements.count else { return }
    var state = makeState()
    work(state: &state)
  }

  private func work(state: inout State) {
    while take(state: &state) {}
  }

  /// Takes the next element and puts its result in its slot; false when none was left.
  private func take(state: inout State) -> Bool {
    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
    guard index < elements.count else { return false }
    let result = transform(&state, elements[index])
    slots.withLock { $0[index] = result }
    return true
  }
}
