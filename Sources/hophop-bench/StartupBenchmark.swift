import ArgumentParser
import Foundation

/// `hophop-bench startup`: how long a whole `hophop` process takes on a
/// trivial input, per command form, so that the start-up cost (loading,
/// ArgumentParser, the first use of Foundation) is what is measured, not the
/// work. `check`, `lint`, `parse` and `entail` written plainly run without
/// ArgumentParser (`PlainInvocation`); `--version` and the `--format text`
/// forms go through it, for comparison. Measure the shipped build
/// (scripts/build-static.sh), e.g.
/// `hophop-bench startup --hophop "$(scripts/build-static.sh)/hophop"`.
struct StartupBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "startup", abstract: "Start-up time of hophop per command form (ms per process).")

  @Option(help: "Processes started per form (the figure is their median).") var runs = 50
  @Option(help: "The hophop executable (default: the one next to hophop-bench).") var hophop: String?

  func run() throws {
    let executable = hophop ?? ChildRun.siblingHophop
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-bench-startup-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let program = directory.appendingPathComponent("small.hop").path
    try "f(x) [x |-> tl: _n] { x->tl = NULL; } [x |-> tl: NULL]\n".write(toFile: program, atomically: true, encoding: .utf8)
    let contract = directory.appendingPathComponent("contract.hop").path
    try "message m\ncontract C { initial state a { !m -> b; } final state b {} }\n"
      .write(toFile: contract, atomically: true, encoding: .utf8)
    let problem = directory.appendingPathComponent("small.smt2").path
    try """
      (set-logic QF_SHLS)
      (declare-sort Ref 0)
      (declare-datatypes ((Node 0)) (((node (nxt Ref)))))
      (declare-heap (Ref Node))
      (declare-const x Ref)
      (assert (pto x (node x)))
      (check-sat)
      """.write(toFile: problem, atomically: true, encoding: .utf8)
    let forms: [[String]] = [
      ["--version"],
      ["check", program], ["check", "--format", "text", program],
      ["lint", contract], ["lint", "--format", "text", contract],
      ["parse", program], ["parse", "--format", "text", program],
      ["entail", problem], ["entail", "--format", "text", problem],
    ]
    print("form".padding(toLength: 36, withPad: " ", startingAt: 0) + "status   median (ms)   min (ms)")
    for form in forms {
      var times: [Double] = []
      var status: Int32 = 0
      for _ in 0..<max(1, runs) {
        let run = try ChildRun.run(executable, form)
        status = run.status
        times.append(run.wallSeconds * 1000)
      }
      times.sort()
      let shown = form.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0).lastPathComponent : $0 }.joined(separator: " ")
      print(shown.padding(toLength: 36, withPad: " ", startingAt: 0)
            + String(status).padding(toLength: 9, withPad: " ", startingAt: 0)
            + String(format: "%-14.1f", times[times.count / 2]) + String(format: "%.1f", times[0]))
    }
  }
}
