import ArgumentParser
import Foundation
import HopDriver
import HopSyntax

/// `hophop-bench infer`: every loop of the example files with its written
/// invariant deleted (`InvariantDeletion`): whether the file keeps its
/// verdicts and errors, the invariant inferred or why inference gave up, and
/// the time inference took per loop (median and maximum).
struct InferBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "infer", abstract: "Loop invariants deleted and inferred: verdicts kept and time per loop.")

  @Argument(help: "Hop or Smallfoot files or folders (default: examples).") var paths: [String] = ["examples"]

  func run() throws {
    let files = paths.flatMap { path in
      path.hasSuffix(".hop") || path.hasSuffix(".sf") ? [path]
        : BenchmarkFiles.files(under: path, suffix: ".hop") + BenchmarkFiles.files(under: path, suffix: ".sf")
    }
    guard !files.isEmpty else { throw ValidationError("no .hop or .sf files under \(paths.joined(separator: ", "))") }
    var times: [Double] = []
    var kept = 0, total = 0
    for file in files {
      let text = try String(contentsOfFile: file, encoding: .utf8)
      for measurement in InvariantDeletion.measure(SourceFile(path: file, text: text)) {
        total += 1
        if measurement.keepsVerdict { kept += 1 }
        let milliseconds = measurement.inference?.elapsed.milliseconds ?? 0
        times.append(milliseconds)
        let found = measurement.inference.map { $0.formula ?? $0.reasonGivenUp.map { "gave up: \($0)" }
                                                  ?? $0.cases.joined(separator: "  or  ") } ?? "-"
        print("\(measurement.keepsVerdict ? "kept   " : "CHANGED") \(file):\(measurement.line)"
              + String(format: "  %8.2f ms  ", milliseconds) + found)
        if !measurement.keepsVerdict {
          print("          written: \(measurement.written.errors)  deleted: \(measurement.deleted.errors)")
        }
      }
    }
    let sorted = times.sorted()
    print(String(format: "%d of %d loops keep their file's verdicts with the invariant deleted; inference per loop: "
                 + "median %.2f ms, max %.2f ms", kept, total, sorted.isEmpty ? 0 : sorted[sorted.count / 2],
                 sorted.last ?? 0))
  }
}
