import ArgumentParser
import Foundation
import HopDriver

/// `hophop-bench counterexamples`: for each invalid example (first line
/// `// expect: error ...`), the time `check --counterexample` takes to find a
/// concrete run that fails at the error, as the extra time over a plain
/// `check` (the search stops at the first run it finds), and whether it found
/// one within the budget.
struct CounterexampleBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "counterexamples", abstract: "Time to the first counterexample of each invalid example.")

  @Argument(help: "Folders of examples.") var folders = ["examples/smallfoot", "examples/heaphop", "examples/async"]
  @Option(help: "Milliseconds of runs per error.") var budget = 2_000

  func run() throws {
    let files = folders.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".hop") }.sorted()
        .map { "\(folder)/\($0)" }
    }.filter { path in
      ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").hasPrefix("// expect: error")
    }
    let clock = ContinuousClock()
    var found = 0
    print("file  check ms  search ms (fastest of 3)  counterexample")
    for path in files {
      // The fastest of three of each: the runs the search makes are the same every time (seeds 1, 2, ...).
      let plain = (0..<3).map { _ in clock.measure { _ = CheckSession.check([path]) } }.min()!
      var result: CheckSession.Result?
      let searched = (0..<3).map { _ in
        clock.measure { result = CheckSession.check([path], options: .init(counterexampleBudget: .milliseconds(Int64(budget)))) }
      }.min()!
      let notes = result?.files.first?.report.diagnostics.filter { $0.severity == .error }.flatMap(\.notes).map(\.message) ?? []
      let first = notes.first { $0.hasPrefix("a concrete run") }
      if first != nil { found += 1 }
      let what = first.map { String($0.split(separator: ":").dropFirst().first ?? "").trimmingCharacters(in: .whitespaces) }
        ?? "none within \(budget) ms"
      print("\(path)  \(plain.millisecondsText(decimals: 1))  \(max(.zero, searched - plain).millisecondsText(decimals: 1))  \(what)")
    }
    print("\(found) of \(files.count) invalid examples have a counterexample")
  }
}
