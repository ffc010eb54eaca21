import ArgumentParser
import Foundation
import HopDriver
import HopLogic
import HopProver
import HopSMTLib
import HopSyntax

/// `hophop-bench sl-comp [FOLDER]`: decides every `.smt2` file under the
/// folder, compares with the status each file declares, and prints solved /
/// wrong / unknown counts with total and median times. Exits 1 on any wrong
/// answer, so CI enforces the "0 wrong" target.
struct SLCompBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sl-comp", abstract: "Run the prover on SL-COMP instances and compare with their declared status.")

  @Argument(help: "Folder of .smt2 files (searched recursively). Default: ../shared/benchmarks/sl-comp")
  var folder: String = "../shared/benchmarks/sl-comp"

  @Option(help: "Also time a proof of a chain of this many list segments (0: skip).")
  var chain: Int = 200

  func run() throws {
    let files = Self.instances(under: folder)
    guard !files.isEmpty else {
      FileHandle.standardError.write(Data("hophop-bench sl-comp: no .smt2 files under \(folder)\n".utf8))
      throw ExitCode(2)
    }
    let prover = Prover()
    var tally: [String: (solved: Int, wrong: Int, unknown: Int)] = [:]
    var times: [Double] = []
    var wrongFiles: [String] = []
    for path in files {
      let division = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
      let start = DispatchTime.now().uptimeNanoseconds
      let outcome = EntailSession.decide(path: path, prover: prover)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      var row = tally[division] ?? (0, 0, 0)
      switch (outcome.answer, outcome.expected) {
      case (.sat?, .sat?), (.unsat?, .unsat?): row.solved += 1
      case (.sat?, .unsat?), (.unsat?, .sat?):
        row.wrong += 1
        wrongFiles.append(path)
      default: row.unknown += 1
      }
      tally[division] = row
    }
    print("SL-COMP benchmark: \(files.count) instances under \(folder)")
    print("division          solved  wrong  unknown")
    for division in tally.keys.sorted() {
      let row = tally[division]!
      print("\(division.padding(toLength: 16, withPad: " ", startingAt: 0))  \(pad(row.solved, 6))  \(pad(row.wrong, 5))  \(pad(row.unknown, 7))")
    }
    let sorted = times.sorted()
    let total = times.reduce(0, +)
    print(String(format: "time (in process, read + decide): total %.1f ms, median %.3f ms, max %.1f ms",
                 total, sorted[sorted.count / 2], sorted.last!))
    let slowest = zip(files, times).sorted { $0.1 > $1.1 }.prefix(3)
    print("slowest: " + slowest.map { String(format: "%@ %.1f ms", URL(fileURLWithPath: $0.0).lastPathComponent, $0.1) }
      .joined(separator: ", "))
    if chain > 0 { timeChain(chain, prover) }
    for path in wrongFiles { print("WRONG: \(path)") }
    if !wrongFiles.isEmpty { throw ExitCode(1) }
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - String(value).count)) + String(value)
  }

  /// `lseg(x0,x1) * ... * lseg(x(n-1),xn) * lseg(xn, NULL) ⊢ list(x0)`, and its invalid twin without the last segment's NULL end.
  private func timeChain(_ length: Int, _ prover: Prover) {
    var atoms: [SpatialAtom] = (0..<length).map { .segment(field: "next", from: .v("x\($0)"), to: .v("x\($0 + 1)")) }
    atoms.append(.segment(field: "next", from: .v("x\(length)"), to: .null))
    let goal = SymbolicHeap(spatial: [.segment(field: "next", from: .v("x0"), to: .null)])
    let start = DispatchTime.now().uptimeNanoseconds
    let proved = prover.entails(SymbolicHeap(spatial: atoms), goal).isProved
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    print(String(format: "chain of %d list segments |- list: %@ in %.1f ms", length + 1, proved ? "proved" : "NOT proved", elapsed))
  }

  static func instances(under folder: String) -> [String] {
    BenchmarkFiles.files(under: folder, suffix: ".smt2")
  }
}
