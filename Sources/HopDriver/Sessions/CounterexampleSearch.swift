import HopLogic
import HopRuntime
import HopSyntax

/// `check --counterexample`: for each error of a failed proof, concrete runs
/// of the procedure (HopRuntime, random inputs from its precondition, random
/// schedules) within a time budget, looking for one that faults at the
/// failing command or because of it. The error gets a note either way: the
/// run that fails (with the seed that replays it and its last commands), or
/// that none was found and why the failure may then be a false alarm of the
/// proof. A run never makes a verdict: the proof's answer stands.
enum CounterexampleSearch {
  /// How long one run may go (commands); a run past it is cut, not a fault.
  static let maxSteps = 20_000
  /// At most this many runs per error, however fast they are.
  static let maxRuns = 20_000

  /// Adds a note to each error of a procedure in `report` that `check` found.
  static func annotate(_ report: inout FileReport, program: Program, budget: Duration) {
    guard let source = report.source, report.diagnostics.contains(where: { $0.severity == .error }) else { return }
    let compiled: RuntimeProgram
    do {
      compiled = try RuntimeProgram.compile(program)
    } catch {
      let why = error.diagnostics.first?.message ?? "it cannot be run"
      for index in report.diagnostics.indices where isCheckError(report.diagnostics[index]) {
        report.diagnostics[index].notes.append(.init("no concrete run was tried: \(why)"))
      }
      return
    }
    for index in report.diagnostics.indices where isCheckError(report.diagnostics[index]) {
      let diagnostic = report.diagnostics[index]
      guard let procedure = procedure(containing: diagnostic.range.start, in: program) else { continue }
      // The procedure alone first; then, when it has one, the program's `main`, whose runs give the
      // procedure the partners and the callers it has (a cell used after it was sent shows only when
      // the receiver disposes of it).
      var search = Search(diagnostic: diagnostic, procedure: procedure)
      if procedure != "main", compiled.procedure(named: "main") != nil {
        search.alsoRun = "main"
      }
      report.diagnostics[index].notes += search.notes(compiled, path: report.path, source: source, budget: budget)
    }
  }

  /// An error of the proof (HH1xx, HH2xx), not of the input.
  private static func isCheckError(_ diagnostic: Diagnostic) -> Bool {
    diagnostic.severity == .error && (diagnostic.code.rawValue.hasPrefix("HH1") || diagnostic.code.rawValue.hasPrefix("HH2"))
      && diagnostic.code != .proofUndecided
  }

  /// The name of the procedure whose declaration holds `offset`.
  private static func procedure(containing offset: Int, in program: Program) -> String? {
    for declaration in program.declarations {
      switch declaration {
      case .procedure(let p) where p.range.start <= offset && offset <= p.range.end: return p.name.name
      case .asyncProcedure(let p) where p.range.start <= offset && offset <= p.range.end: return p.name.name
      default: continue
      }
    }
    return nil
  }

  /// The last commands of a failing run as the note shows them: the program's own last `count`
  /// commands, and what the environment did between them folded into one line per stretch
  /// ("the environment sends 'a' on 3, receives 'b' on 4 and 5 more"), so that a busy
  /// environment does not push the program's commands out of the window.
  static func lastCommands(_ trace: [RunStep], source: SourceFile, count: Int = 6) -> [String] {
    let own = trace.indices.filter { trace[$0].thread >= 0 }
    let from = own.suffix(count).first ?? max(0, trace.count - count)
    var lines: [String] = [], environment: [String] = []
    func fold() {
      guard !environment.isEmpty else { return }
      let shown = environment.prefix(3).joined(separator: ", ")
      lines.append("the environment " + shown + (environment.count > 3 ? " and \(environment.count - 3) more" : ""))
      environment = []
    }
    for step in trace[from...] {
      if step.thread < 0 {
        environment.append(step.values)
      } else {
        fold()
        lines.append(RunSession.describe(step, source: source))
      }
    }
    fold()
    return lines
  }

  /// The runs for one error.
  struct Search {
    let diagnostic: Diagnostic
    let procedure: String
    /// Another procedure whose runs may reach the failing command (`main`), given half the budget.
    var alsoRun: String?

    /// The fault kinds a run shows for this error, wherever they happen (a leak at the exit, say).
    var expectedKinds: Set<FaultKind> { CheckerErrorFaults.inProcedure(diagnostic.code) }

    /// Whether `fault` is at the failing command.
    func isAt(_ fault: Fault) -> Bool {
      let command = diagnostic.range
      return fault.kind != .deadlock
        && (fault.range.start <= command.start && command.start <= max(fault.range.end, fault.range.start)
          || command.start <= fault.range.start && fault.range.start < max(command.end, command.start + 1))
    }

    /// Whether `fault` is at the failing command, or, in a run of the procedure itself, of the kind
    /// the error predicts (a leak shows at the exit).
    func isAtOrBecauseOf(_ fault: Fault, inProcedure: Bool) -> Bool {
      isAt(fault) || (inProcedure && expectedKinds.contains(fault.kind))
    }

    func notes(_ program: RuntimeProgram, path: String, source: SourceFile, budget: Duration) -> [Diagnostic.Note] {
      let clock = ContinuousClock()
      let start = clock.now
      var runs = 0, withoutInput = 0
      var noInputReason: String?
      var elsewhere: (Fault, UInt64, String)?
      let plan = [(procedure, alsoRun == nil ? budget : budget / 2)] + (alsoRun.map { [($0, budget)] } ?? [])
      for (name, deadline) in plan {
        var seed: UInt64 = 1, tried = 0, inputless = 0
        while tried < CounterexampleSearch.maxRuns, clock.now - start < deadline {
          let outcome = Interpreter.run(program: program, procedure: name, seed: seed,
                                        maxSteps: CounterexampleSearch.maxSteps)
          tried += 1
          switch outcome.result {
          case .fault(let fault) where isAtOrBecauseOf(fault, inProcedure: name == procedure):
            return failing(fault, seed: seed, in: name, path: path, source: source)
          case .fault(let fault) where fault.kind != .deadlock && elsewhere == nil && name == procedure:
            elsewhere = (fault, seed, name)
          case .noInput(let reason):
            inputless += 1
            noInputReason = reason
          default:
            break
          }
          seed += 1
          if inputless == 10 && tried == 10 { break }  // no input can be built for this one
        }
        runs += tried
        withoutInput += inputless
      }
      if runs == withoutInput, let reason = noInputReason { return [.init("no concrete run was tried: \(reason)")] }
      let elapsed = (clock.now - start).millisecondsText(decimals: 0)
      var notes: [Diagnostic.Note] = [.init(
        "no concrete run that fails here was found (\(runs) runs from random inputs, \(elapsed) ms): "
          + "the failure may be a false alarm of the proof\(falseAlarmReason)")]
      if let (fault, seed, name) = elsewhere {
        notes.append(.init("a run fails elsewhere, though: \(fault.kind.rawValue) at line "
                             + "\(source.location(of: fault.range.start).line) (replay with hophop run \(path) "
                             + "--proc \(name) --seed \(seed) --runs 1)"))
      }
      if withoutInput > 0, let reason = noInputReason { notes.append(.init("\(withoutInput) runs had no input: \(reason)")) }
      return notes
    }

    /// Why the proof may be wrong where no run fails, by what it failed to prove.
    var falseAlarmReason: String {
      switch diagnostic.code.rawValue {
      case "HH104", "HH105", "HH206", "HH207":
        return ", e.g. a loop invariant too weak to say what the loop keeps"
      case "HH106":
        return ", e.g. a callee's precondition that asks for more than the call needs, or a state the proof knows too little about"
      case "HH107", "HH113", "HH114", "HH116":
        return "; but this error is about ownership, which runs do not track (a race, a resource invariant, "
          + "what a message carries can be wrong without any run faulting)"
      case "HH201", "HH203", "HH204":
        return ", or a guarantee or rely that the runs do not test"
      default:
        return ", or the inputs that show it are larger or rarer than the random ones"
      }
    }

    /// The note of a run that fails: what, where, the seed, the input and the last commands.
    func failing(_ fault: Fault, seed: UInt64, in name: String, path: String, source: SourceFile) -> [Diagnostic.Note] {
      let line = source.location(of: fault.range.start).line
      var notes: [Diagnostic.Note] = [
        .init("a concrete run\(name == procedure ? "" : " of '\(name)'") that fails\(isAt(fault) ? "" : " because of it"): "
                + "\(fault.kind.rawValue) at line \(line): \(fault.message)"),
        .init("replay it with: hophop run \(path) --proc \(name) --seed \(seed) --runs 1"),
      ]
      if !fault.input.isEmpty { notes.append(.init("its input: \(fault.input)")) }
      for line in CounterexampleSearch.lastCommands(fault.trace, source: source) { notes.append(.init("  " + line)) }
      return notes
    }
  }
}
