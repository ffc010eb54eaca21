import ArgumentParser
import Foundation
import HopDriver

/// `hophop-bench async`: end-to-end time of `hophop check` (read, parse,
/// resolve, run every async procedure and discharge every condition) on each
/// async example, with the number of solver queries and the time Z3 spent;
/// then the same for generated programs of N procedures, rings and
/// independent ones (`AsyncGeneratedProgram`).
struct AsyncBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "async", abstract: "Time of the async rely/guarantee checker on the examples.")

  @Argument(help: "Hop files or folders (default: examples/async).") var paths: [String] = ["examples/async"]
  @Option(help: "Timed repetitions per file (the fastest is reported).") var repetitions = 5
  @Option(help: "Sizes of the generated ring of async procedures, each checked once (0: none).")
  var ring: [Int] = [10, 100, 1_000]
  @Option(help: "Sizes of the generated independent async procedures, each checked once (0: none).")
  var independent: [Int] = [100, 1_000]

  func run() throws {
    let files = paths.flatMap { path in
      path.hasSuffix(".hop") ? [path] : BenchmarkFiles.files(under: path, suffix: ".hop")
    }
    guard !files.isEmpty else { throw ValidationError("no .hop files under \(paths.joined(separator: ", "))") }
    print("file                                      verdict   total (ms)   queries   solver (ms)")
    var slowest = Duration.zero
    for file in files {
      var best = Duration.seconds(1_000_000)
      var result: CheckSession.Result?
      for _ in 0..<max(1, repetitions) {
        var run: CheckSession.Result?
        let time = ContinuousClock().measure { run = CheckSession.check([file]) }
        if time < best { (best, result) = (time, run) }
      }
      slowest = max(slowest, best)
      let checked = result?.files.first
      let verdict = checked?.async?.outcome.rawValue ?? "-"
      let name = URL(fileURLWithPath: file).lastPathComponent
      print(name.padding(toLength: 42, withPad: " ", startingAt: 0)
            + verdict.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: "%10.1f", best.milliseconds)
            + String(format: "%10d", checked?.async?.queryCount ?? 0)
            + String(format: "%14.1f", (checked?.async?.solverTime ?? .zero).milliseconds))
    }
    print(String(format: "slowest file: %.1f ms (target: under 200 ms per example)", slowest.milliseconds))
    try AsyncGeneratedProgram.independent.run(sizes: independent)
    try AsyncGeneratedProgram.ring.run(sizes: ring)
  }
}
