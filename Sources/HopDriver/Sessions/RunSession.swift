import HopRuntime
import HopSyntax

/// `hophop run FILE` as a library call: runs procedures concretely from
/// random inputs built from their preconditions (HopRuntime), and reports
/// each kind of fault found once, as a diagnostic at the faulting command
/// with the seed that replays it and the trace that led to it.
public enum RunSession {
  public struct Options: Sendable {
    /// Only this procedure (default: `main`, else every sync procedure).
    public var procedure: String?
    public var campaign: RunCampaign.Options

    public init(procedure: String? = nil, seed: UInt64 = 1, runs: Int = 100,
                maxSteps: Int = Interpreter.defaultMaxSteps) {
      self.procedure = procedure
      campaign = RunCampaign.Options(seed: seed, runs: runs, maxSteps: maxSteps)
    }
  }

  public struct Result: Sendable {
    /// The faults (first of each kind) and input problems, as diagnostics.
    public var report: FileReport
    /// The summary printed on standard output.
    public var text: String
    public var campaigns: [RunCampaign]
    /// 0 no fault, 1 a fault found, 2 bad input.
    public var exitStatus: ExitStatus
  }

  public static func run(path: String, options: Options = Options()) -> Result {
    guard let loaded = FrontEndSession.load([path]).first else {
      return Result(report: FileReport(path: path, source: nil, diagnostics: []), text: "", campaigns: [],
                    exitStatus: .badInput)
    }
    var report = loaded.report
    guard let program = loaded.program, let source = report.source else {
      return Result(report: report, text: "", campaigns: [], exitStatus: .badInput)
    }
    let compiled: RuntimeProgram
    do {
      compiled = try RuntimeProgram.compile(program)
    } catch {
      report.diagnostics += error.diagnostics
      return Result(report: report, text: "", campaigns: [], exitStatus: .badInput)
    }
    let names: [String]
    if let name = options.procedure {
      guard compiled.procedure(named: name) != nil else {
        report.diagnostics.append(Diagnostic(code: .runtimeUnknownProcedure, message: "no procedure named '\(name)' to run",
                                             range: .point(0)))
        return Result(report: report, text: "", campaigns: [], exitStatus: .badInput)
      }
      names = [name]
    } else {
      names = RunCampaign.defaultProcedures(of: compiled)
    }
    var campaigns: [RunCampaign] = []
    var lines: [String] = []
    for name in names {
      let campaign = RunCampaign.run(program: compiled, procedure: name, options: options.campaign)
      campaigns.append(campaign)
      lines += summary(campaign, options: options.campaign)
      for kind in campaign.kinds {
        let witness = campaign.witnesses[kind]!
        report.diagnostics.append(witness.fault.diagnostic(seed: witness.seed, procedure: name) { step in
          describe(step, source: source)
        })
      }
      if campaign.withoutInput == campaign.runs, let reason = campaign.noInputReason {
        let range = compiled.procedure(named: name).map { $0.declaration.range } ?? .point(0)
        report.diagnostics.append(Diagnostic(code: .runtimeNoInput, severity: .warning,
                                             message: "'\(name)' was not run: \(reason)",
                                             range: SourceRange(start: range.start, end: range.start)))
      }
    }
    if names.isEmpty { lines.append("no procedures to run") }
    let faulted = campaigns.contains { $0.faultCount > 0 }
    return Result(report: report, text: lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"),
                  campaigns: campaigns, exitStatus: faulted ? .failure : .success)
  }

  /// `run main: 200 runs (seeds 1-200): ...`, and a line per fault kind.
  static func summary(_ campaign: RunCampaign, options: RunCampaign.Options) -> [String] {
    let last = options.seed &+ UInt64(campaign.runs - 1)
    var parts = ["\(campaign.completed) completed", "\(campaign.faultCount) faulted"]
    if campaign.budgetExhausted > 0 { parts.append("\(campaign.budgetExhausted) out of steps (\(options.maxSteps))") }
    if campaign.rangeExceeded > 0 { parts.append("\(campaign.rangeExceeded) beyond the 64-bit range") }
    if campaign.withoutInput > 0 { parts.append("\(campaign.withoutInput) without input") }
    var lines = ["run \(campaign.procedure): \(campaign.runs) runs (seeds \(options.seed)-\(last)): "
                   + parts.joined(separator: ", ") + "; \(campaign.steps) commands"]
    for kind in campaign.kinds {
      lines.append("  \(kind.rawValue): \(campaign.faults[kind]!) runs; first with --seed \(campaign.witnesses[kind]!.seed)")
    }
    if campaign.withoutInput > 0, let reason = campaign.noInputReason { lines.append("  no input: \(reason)") }
    return lines
  }

  /// `line 21, thread 1, put: t = x->tl;  [t = 1003 (1002->tl)]`
  static func describe(_ step: RunStep, source: SourceFile) -> String {
    if step.thread < 0 { return "the environment \(step.values)" }
    let line = source.location(of: step.range.start).line
    var text = source.text(of: step.range).split(separator: "\n").first.map(String.init) ?? ""
    text = String(text.drop(while: \.isWhitespace))
    if text.count > 48 { text = String(text.prefix(45)) + "..." }
    if text.isEmpty { text = "end of \(step.procedure)" }
    let values = step.values.isEmpty ? "" : "  [\(step.values)]"
    return "line \(line), thread \(step.thread), \(step.procedure): \(text)\(values)"
  }
}
