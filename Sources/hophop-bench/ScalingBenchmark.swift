import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `hophop-bench scaling`: every row of issue 27's table, measured on whole processes as
/// shipped, for one or more `hophop` executables side by side in one run (typically the
/// build before a change and the build after it), with the peers and floors where the
/// table has them. Runs of the executables are interleaved, so that a busy moment of the
/// machine hits them alike, and each workload's figure is the median of `--passes` runs
/// (one run where it takes over 5 s). A process past `--timeout` is killed and shown as `> T s`.
struct ScalingBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scaling",
    abstract: "Issue 27's table: start-up, size, Smallfoot and SL-COMP ratios, and costs that grow with N.")

  @Option(name: .customLong("hophop"), help: "A hophop executable (repeat the option to compare builds).")
  var executables: [String] = []
  @Option(help: "A static Swift program that prints a line: the floor for --version.") var floor: String?
  @Option(help: "Smallfoot 0.1's executable, for the ratio on its EXAMPLES.") var smallfoot: String?
  @Option(help: "The folder of Smallfoot's .sf EXAMPLES.") var smallfootExamples: String?
  @Option(help: "The SL-COMP folder (with qf_shls_entl and qf_shls_sat).") var slComp: String?
  @Option(help: "Seconds after which a process is stopped.") var timeout: Double = 120
  @Option(help: "Processes started for the --version row (the figure is their minimum).") var versionRuns = 300
  @Flag(help: "Smaller sizes, for a quick look.") var quick = false
  @Option(help: "Runs of each executable per workload, interleaved; the figure is their median (a run over 5 s is not repeated).")
  var passes = 3

  /// A workload run that takes longer than this (seconds) is not repeated: this machine's drift is small beside it.
  static let longRun = 5.0

  /// SPEN 19.2's summed time on the same 292 SL-COMP instances (SL-COMP'19, README's table).
  static let spenSeconds = 20.13

  func run() throws {
    let hophops = executables.isEmpty ? [ChildRun.siblingHophop] : executables
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-bench-scaling-\(getpid())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var table = ScalingTable(columns: hophops.count)
    print("columns: " + hophops.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "  "))

    var versions = hophops.map { _ in Double.infinity }
    var floorBest = Double.infinity
    for _ in 0..<versionRuns {
      for (index, hophop) in hophops.enumerated() {
        versions[index] = min(versions[index], try ChildRun.run(hophop, ["--version"]).wallSeconds * 1000)
      }
      if let floor { floorBest = min(floorBest, try ChildRun.run(floor, []).wallSeconds * 1000) }
    }
    table.add("`hophop --version`, minimum of \(versionRuns) (ms)", versions.map { String(format: "%.2f", $0) },
                      peer: floor == nil ? "" : String(format: "floor %.2f", floorBest) + " (ratio "
                        + versions.map { String(format: "%.2f", $0 / floorBest) }.joined(separator: ", ") + ")")
    table.add("executable (MB)", hophops.map { String(format: "%.1f", Self.megabytes($0)) },
              peer: floor.map { String(format: "floor %.1f", Self.megabytes($0)) } ?? "")

    if let smallfoot, let smallfootExamples {
      let ratios = try SmallfootRatio.median(hophops: hophops, smallfoot: smallfoot, folder: smallfootExamples)
      table.add("Smallfoot's EXAMPLES, median ratio hophop/Smallfoot", ratios.map { String(format: "%.2f", $0) }, peer: "goal ≤ 1.0")
    }
    if let slComp {
      let instances = SLCompBenchmark.instances(under: slComp)
      var sums = hophops.map { _ in 0.0 }
      for instance in instances {
        for (index, hophop) in hophops.enumerated() {
          sums[index] += try ChildRun.run(hophop, ["entail", instance], timeout: timeout).wallSeconds
        }
      }
      table.add("SL-COMP qf_shls (\(instances.count)), whole processes summed (s) and × SPEN",
                sums.map { String(format: "%.2f (%.3f×)", $0, $0 / Self.spenSeconds) },
                peer: String(format: "SPEN %.2f s; goal ≤ 0.1×", Self.spenSeconds))
    }

    let rows: [(String, [Int], (Int) -> String)] = [
      ("N cells passed to N calls", quick ? [100, 200] : [100, 200, 1_000], ScalingWorkloads.calls),
      ("precondition of N explicit cells", quick ? [1_000, 2_000] : [1_000, 2_000, 100_000], ScalingWorkloads.precondition),
      ("N independent async procedures", quick ? [100, 400] : [100, 400, 1_000], { AsyncGeneratedProgram.independent.text(size: $0) }),
      ("a ring of N async procedures", quick ? [100, 400] : [400, 1_000], { AsyncGeneratedProgram.ring.text(size: $0) }),
      ("async literal of N digits", quick ? [30_000] : [300_000], { ScalingWorkloads.literal(digits: $0) }),
    ]
    for (name, sizes, program) in rows {
      for size in sizes {
        let path = (folder as NSString).appendingPathComponent("workload.hop")
        try program(size).write(toFile: path, atomically: true, encoding: .utf8)
        var runs = hophops.map { _ in [ChildRun]() }
        for pass in 0..<max(1, passes) {
          for (index, hophop) in hophops.enumerated() {
            if pass > 0, let first = runs[index].first, first.timedOut || first.wallSeconds > Self.longRun { continue }
            runs[index].append(try ChildRun.run(hophop, ["check", "--format", "text", path], timeout: timeout))
          }
        }
        let cells = runs.map { runs -> String in
          let run = runs.sorted { $0.wallSeconds < $1.wallSeconds }[(runs.count - 1) / 2]
          return run.timedOut ? String(format: "> %.0f s", timeout)
            : String(format: "%.2f s, %.0f MB", run.wallSeconds, run.peakMegabytes) + (run.status == 0 ? "" : " (exit \(run.status))")
        }
        table.add("\(name), N = \(size)", cells, peer: "")
      }
    }
    table.print()
  }

  static func megabytes(_ path: String) -> Double {
    var info = stat()
    return stat(path, &info) == 0 ? Double(info.st_size) / 1_048_576 : .nan
  }
}
