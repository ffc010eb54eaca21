import ArgumentParser
import Foundation
import HopChecker
import HopDriver
import HopLogic
import HopProver
import HopSyntax

/// `hophop-bench check`: the sync checker in process (parse, resolve, prove
/// every procedure) on each example file, with the number of questions that
/// went to Z3, and on generated programs — 10, 100 and 1,000 procedures of
/// list-reverse shape, 100 and 1,000 list-transfer pairs — whose time must
/// grow linearly; then the largest of these with one job and with `--jobs`
/// (`ParallelSpeedUp`).
struct CheckBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Time of the sync checker on example files and on generated programs.")

  @Argument(help: "Hop or Smallfoot files or folders (default: examples/smallfoot).") var paths: [String] = ["examples/smallfoot"]
  @Option(help: "Timed repetitions per file (the fastest is reported).") var repetitions = 5
  @Option(help: "Threads for the parallel runs of the generated programs (default: the number of cores).")
  var jobs = CheckSession.Options.defaultJobs

  func run() throws {
    let files = paths.flatMap { path in
      path.hasSuffix(".hop") || path.hasSuffix(".sf") ? [path]
        : BenchmarkFiles.files(under: path, suffix: ".hop") + BenchmarkFiles.files(under: path, suffix: ".sf")
    }
    guard !files.isEmpty else { throw ValidationError("no .hop or .sf files under \(paths.joined(separator: ", "))") }
    print("file                                  verdict    best (ms)   Z3 queries")
    var times: [Double] = []
    var queries = 0
    for file in files {
      let text = try String(contentsOfFile: file, encoding: .utf8)
      let (time, verdict, asked) = Self.measure(SourceFile(path: file, text: text), repetitions: repetitions)
      times.append(time)
      queries += asked
      print(URL(fileURLWithPath: file).lastPathComponent.padding(toLength: 38, withPad: " ", startingAt: 0)
            + verdict.padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: "%10.2f%13d", time, asked))
    }
    print(String(format: "%d files: median %.2f ms, total %.1f ms, %d Z3 queries", files.count,
                 times.sorted()[times.count / 2], times.reduce(0, +), queries))
    let ratio = growth("list reversals", file: "generated", sizes: [10, 100, 1_000], Self.reversals)
    let pairRatio = growth("list-transfer pairs", file: "transfers", sizes: [100, 1_000], Self.transfers)
    let agree = ParallelSpeedUp(jobs: jobs, repetitions: repetitions).report([
      ("1,000 list reversals", SourceFile(path: "generated-1000.hop", text: Self.reversals(1_000))),
      ("1,000 list-transfer pairs (3,000 procedures)", SourceFile(path: "transfers-1000.hop", text: Self.transfers(1_000))),
    ])
    if ratio > 11 || pairRatio > 11 || !agree { throw ExitCode.failure }
  }

  /// The time of the generated program of each size, printed, and the ratio of 1,000 units to 100 (linear: at most 11).
  private func growth(_ what: String, file: String, sizes: [Int], _ generate: (Int) -> String) -> Double {
    var times: [Int: Double] = [:]
    for size in sizes {
      let (time, verdict, asked) = Self.measure(SourceFile(path: "\(file)-\(size).hop", text: generate(size)),
                                                repetitions: repetitions)
      times[size] = time
      print(String(format: "%5d %@: %9.1f ms (%@, %d Z3 queries)", size, what, time, verdict, asked))
    }
    let ratio = times[1_000]! / times[100]!
    print(String(format: "growth of %@: time(1000) / time(100) = %.2f (linear: at most 11)", what, ratio))
    return ratio
  }

  /// `count` sender/receiver pairs of examples/list_transfer.hop's shape, each with its own contract and main.
  static func transfers(_ count: Int) -> String {
    var text = "tl;\nmessage cell [val |-> ]\nmessage ack\n"
    for index in 0..<count {
      text += """
        message fin\(index) [val |-> C\(index){end} * val == src]
        contract C\(index) {
          initial state transfer { !cell -> wait; !fin\(index) -> end; }
          state wait { ?ack -> transfer; }
          final state end {}
        }
        put\(index)(e, x) [e |-> C\(index){transfer} * list(x)] {
          local t;
          while (x != NULL) [e |-> C\(index){transfer} * list(x)] {
            t = x->tl;
            send(cell, e, x);
            x = t;
            receive(ack, e);
          }
          send(fin\(index), e, e);
        } [emp]
        get\(index)(f) [f |-> ~C\(index){transfer}] {
          local x, e, done;
          done = 0;
          while (done == 0)
            [if done == 0 then f |-> ~C\(index){transfer} else f |-> ~C\(index){end}, peer: e * e |-> C\(index){end}] {
            switch receive {
              x = receive(cell, f): { dispose x; send(ack, f); }
              e = receive(fin\(index), f): { done = 1; }
            }
          }
          close(e, f);
        } [emp]
        main\(index)(x) [list(x)] {
          local e, f;
          (e, f) = open(C\(index));
          put\(index)(e, x) || get\(index)(f);
        } [emp]

        """
    }
    return text
  }

  /// The fastest of `repetitions` runs of the whole front end and checker on `jobs` threads, its
  /// verdict and its Z3 queries.
  static func measure(_ file: SourceFile, repetitions: Int, jobs: Int = 1) -> (Double, String, Int) {
    var best = Double.infinity
    var verdict = "-"
    var asked = 0
    for _ in 0..<max(1, repetitions) {
      let tally = QueryTally()
      var report: SyncChecker.Report?
      var front: Frontend.Result?
      let time = ContinuousClock().measure {
        front = Frontend.analyze(file)
        if let front, front.isUsable {
          report = SyncChecker.check(front.program, jobs: jobs,
                                     provers: { Prover(pure: LayeredPureSolver(fallback: { QueryCounter(tally) })) })
        }
      }
      best = min(best, time.milliseconds)
      asked = tally.count
      verdict = report.map { ($0.procedures.map(\.outcome).max() ?? .unknown).rawValue } ?? "bad input"
    }
    return (best, verdict, asked)
  }

  /// `count` procedures that each reverse a list in place (a loop with an lseg invariant).
  static func reversals(_ count: Int) -> String {
    var text = "tl;\n"
    for index in 0..<count {
      text += """
        reverse\(index)(i;) [list(i)] {
          local p, n;
          p = NULL;
          while (i != NULL) [list(i) * list(p)] {
            n = i->tl;
            i->tl = p;
            p = i;
            i = n;
          }
          i = p;
        } [list(i)]

        """
    }
    return text
  }
}

/// Z3 behind a counter: how many pure questions the union-find could not answer alone. One per
/// prover (each thread of a parallel check has its own Z3 context); the count is the run's.
final class QueryCounter: PureSolver, Sendable {
  private let solver = Z3PureSolver()
  private let tally: QueryTally

  init(_ tally: QueryTally) { self.tally = tally }

  func satisfiability(of facts: [PureAtom]) -> Satisfiability? {
    tally.add()
    return solver.satisfiability(of: facts)
  }
}

/// The number of Z3 questions of one run, counted by every thread's `QueryCounter`.
final class QueryTally: @unchecked Sendable {
  private let lock = NSLock()
  private var asked = 0

  var count: Int { lock.withLock { asked } }

  func add() { lock.withLock { asked += 1 } }
}
