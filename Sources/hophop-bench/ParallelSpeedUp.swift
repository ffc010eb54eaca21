import Foundation
import HopSyntax

/// What `check --jobs N` buys (decision 77): the same generated programs checked
/// with one job and with `jobs`, the fastest of `repetitions` runs each, with
/// the speed-up and whether the verdicts and Z3 query counts agree. A check that
/// gives another verdict in parallel is a bug, and fails the benchmark.
struct ParallelSpeedUp {
  var jobs: Int
  var repetitions: Int

  /// Prints a line per workload; false when a parallel run disagreed with the sequential one.
  func report(_ workloads: [(name: String, file: SourceFile)]) -> Bool {
    var agree = true
    print("parallel check: 1 job vs \(jobs) jobs (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
    for workload in workloads {
      let (sequential, verdict, asked) = CheckBenchmark.measure(workload.file, repetitions: repetitions, jobs: 1)
      let (parallel, parallelVerdict, parallelAsked) = CheckBenchmark.measure(workload.file, repetitions: repetitions,
                                                                              jobs: jobs)
      print(String(format: "  %@: %9.1f ms with 1 job, %9.1f ms with %d: speed-up %.2f (%@, %d Z3 queries)",
                   workload.name, sequential, parallel, jobs, sequential / parallel, verdict, asked))
      if verdict != parallelVerdict || asked != parallelAsked {
        print("  the parallel run disagrees: \(parallelVerdict), \(parallelAsked) Z3 queries")
        agree = false
      }
    }
    return agree
  }
}
