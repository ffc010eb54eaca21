import ArgumentParser
import Foundation

/// `hophop-bench parse`: `hophop parse` (front end and AST dump) against
/// `hophop fmt` (front end and printer) on a generated file of n small
/// procedures, each a child process, so the figures are whole-process: wall
/// time, CPU time and peak memory. The dump is written to a file (not a
/// terminal), like `hophop parse FILE > out`.
struct ParseBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse", abstract: "Time of hophop parse and fmt on n small procedures.")

  @Option(help: "Numbers of procedures.") var sizes: [Int] = [1_000, 10_000, 100_000]
  @Option(help: "The hophop executable (default: the one next to hophop-bench).") var hophop: String?
  @Option(help: "Folder for the generated files (default: a temporary folder).") var folder: String?

  func run() throws {
    let executable = hophop ?? ChildRun.siblingHophop
    let directory = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("hophop-bench-parse").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    print("procedures   command   status   output (MB)   wall (s)   cpu (s)   peak (MB)")
    for size in sizes {
      let path = (directory as NSString).appendingPathComponent("procedures-\(size).hop")
      try Self.program(procedures: size).write(toFile: path, atomically: true, encoding: .utf8)
      for command in ["parse", "fmt"] {
        let run = try ChildRun.run(executable, [command, path])
        print(pad(String(size), 13) + pad(command, 10) + pad(String(run.status), 9)
              + pad(String(format: "%.1f", Double(run.stdout.utf8.count) / 1_048_576), 14)
              + pad(String(format: "%.2f", run.wallSeconds), 11) + pad(String(format: "%.2f", run.cpuSeconds), 10)
              + String(format: "%.0f", run.peakMegabytes))
      }
    }
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }

  /// n procedures like `p7(x) [x |-> tl: _n] { local t; t = x->tl; if (t == NULL) { x->tl = NULL; } else { dispose(t); x->tl = NULL; } } [x |-> tl: NULL]`.
  static func program(procedures n: Int) -> String {
    var text = "// hophop-bench parse: \(n) small procedures.\n"
    text.reserveCapacity(n * 200)
    for i in 0..<n {
      text += """

        p\(i)(x) [x |-> tl: _n * list(_n)] {
          local t;
          t = x->tl;
          if (t == NULL) {
            x->tl = NULL;
          } else {
            x->tl = NULL;
          }
        } [x |-> tl: NULL * list(t)]

        """
    }
    return text
  }
}
