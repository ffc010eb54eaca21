import ArgumentParser
import Foundation

/// `hophop-bench flat-sep`: `hophop entail` on one `sep` of n `pto` atoms, a
/// list `x1 -> x2 -> ... -> xn -> nil` written cell by cell, as a
/// satisfiability problem (sat) and as the entailment `... |- ls(x1, nil)`
/// (valid, so unsat). The files are generated in the header style of
/// SL-COMP's qf_shls instances. Each run is a child process (`hophop entail
/// FILE`), so the figures are whole-process: wall time, CPU time and peak
/// resident memory.
struct FlatSepBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flat-sep", abstract: "Time and memory of entail on one sep of n pto atoms.")

  @Option(help: "Numbers of pto atoms.") var sizes: [Int] = [1_000, 2_000, 5_000, 10_000, 20_000]
  @Option(help: "The hophop executable (default: the one next to hophop-bench).") var hophop: String?
  @Option(help: "Folder for the generated files (default: a temporary folder).") var folder: String?

  func run() throws {
    let executable = hophop ?? ChildRun.siblingHophop
    let directory = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("hophop-flat-sep").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    print("atoms    problem      answer   expected   wall (s)   cpu (s)   peak (MB)")
    for size in sizes {
      for entailment in [false, true] {
        let path = (directory as NSString).appendingPathComponent("flat-sep-\(size)-\(entailment ? "entl" : "sat").smt2")
        try Self.problem(atoms: size, entailment: entailment).write(toFile: path, atomically: true, encoding: .utf8)
        let run = try ChildRun.run(executable, ["entail", path])
        let answer = run.stdout.split(separator: "\n").last.map(String.init) ?? "(rc \(run.status))"
        let expected = entailment ? "unsat" : "sat"
        print(pad(String(size), 9) + pad(entailment ? "entailment" : "sat", 13) + pad(answer, 9) + pad(expected, 11)
              + pad(String(format: "%.2f", run.wallSeconds), 11) + pad(String(format: "%.2f", run.cpuSeconds), 10)
              + String(format: "%.0f", run.peakMegabytes) + (answer == expected ? "" : "   WRONG"))
      }
    }
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }

  /// The SMT-LIB text: `x1 |-> x2 * ... * xn |-> nil`, and with `entailment`, `|- ls(x1, nil)`.
  static func problem(atoms n: Int, entailment: Bool) -> String {
    var text = """
      (set-logic QF_SHLS)

      (set-info :source |hophop-bench flat-sep: one sep of \(n) pto atoms|)
      (set-info :smt-lib-version 2.0)
      (set-info :category "crafted")
      (set-info :status \(entailment ? "unsat" : "sat"))

      (declare-sort RefSll_t 0)

      (declare-datatypes (
      \t(Sll_t 0)
      \t) (
      \t((c_Sll_t (next RefSll_t) ))
      \t)
      )

      (declare-heap (RefSll_t Sll_t)
      )

      (define-fun-rec ls ((in RefSll_t)(out RefSll_t)) Bool
      \t(or
      \t\t(and
      \t\t\t(= in out)
      \t\t\t(_ emp RefSll_t Sll_t)
      \t\t)
      \t\t(exists ((u RefSll_t))
      \t\t(and
      \t\t\t(distinct in out)
      \t\t(sep
      \t\t\t(pto in (c_Sll_t u ))
      \t\t\t(ls u out )
      \t\t)
      \t\t)
      \t\t)
      \t)
      )

      (check-sat)

      """
    text.reserveCapacity(text.utf8.count + n * 60)
    for i in 1...n { text += "(declare-const x\(i) RefSll_t)\n" }
    text += "\n(assert\n\t(sep\n"
    for i in 1...n {
      text += "\t\t(pto x\(i) (c_Sll_t \(i < n ? "x\(i + 1)" : "(as nil RefSll_t)")))\n"
    }
    text += "\t)\n)\n"
    if entailment { text += "\n(assert (not (ls x1 (as nil RefSll_t))))\n" }
    text += "\n(check-sat)\n"
    return text
  }
}
