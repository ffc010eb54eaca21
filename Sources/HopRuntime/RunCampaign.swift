/// Many runs of one procedure under consecutive seeds, summarised: what
/// `hophop run` prints and what the cross-check tests assert on.
public struct RunCampaign: Sendable {
  public struct Options: Sendable {
    /// Run `i` (from 0) uses seed `seed + i`, so `--seed S --runs 1` replays it.
    public var seed: UInt64
    public var runs: Int
    public var maxSteps: Int

    public init(seed: UInt64 = 1, runs: Int = 100, maxSteps: Int = Interpreter.defaultMaxSteps) {
      self.seed = seed
      self.runs = max(1, runs)
      self.maxSteps = max(1, maxSteps)
    }
  }

  /// The first fault of one kind and the seed that replays it.
  public struct Witness: Sendable {
    public var fault: Fault
    public var seed: UInt64
  }

  public var procedure: String
  public var runs = 0
  public var completed = 0
  public var budgetExhausted = 0
  /// Runs stopped because a value left the 64-bit range (not faults, decision 59).
  public var rangeExceeded = 0
  /// Runs for which no input was built, and the last reason.
  public var withoutInput = 0
  public var noInputReason: String?
  public var faults: [FaultKind: Int] = [:]
  public var witnesses: [FaultKind: Witness] = [:]
  /// Commands executed over all runs.
  public var steps = 0

  public var faultCount: Int { faults.values.reduce(0, +) }
  /// Kinds found, in `FaultKind` order.
  public var kinds: [FaultKind] { faults.keys.sorted() }

  /// Runs `procedure` `options.runs` times. Stops early when the first ten runs built no input.
  public static func run(program: RuntimeProgram, procedure: String, options: Options) -> RunCampaign {
    var campaign = RunCampaign(procedure: procedure)
    for index in 0..<options.runs {
      let seed = options.seed &+ UInt64(index)
      let outcome = Interpreter.run(program: program, procedure: procedure, seed: seed, maxSteps: options.maxSteps)
      campaign.runs += 1
      campaign.steps += outcome.steps
      switch outcome.result {
      case .completed: campaign.completed += 1
      case .budgetExhausted: campaign.budgetExhausted += 1
      case .rangeExceeded: campaign.rangeExceeded += 1
      case .noInput(let reason):
        campaign.withoutInput += 1
        campaign.noInputReason = reason
        if index == 9, campaign.withoutInput == 10 { return campaign }
      case .fault(let fault):
        campaign.faults[fault.kind, default: 0] += 1
        if campaign.witnesses[fault.kind] == nil { campaign.witnesses[fault.kind] = Witness(fault: fault, seed: seed) }
      }
    }
    return campaign
  }

  /// The procedures `run` starts without `--proc`: in a sync file `main` when there is one, else
  /// every procedure; in an async file every procedure (`main` as the program, the others as
  /// single instances), since the checker proves each of them from its precondition.
  public static func defaultProcedures(of program: RuntimeProgram) -> [String] {
    let isAsync = program.isAsync
    if !isAsync, program.procedureIndex["main"] != nil { return ["main"] }
    var names: [String] = []
    for procedure in program.procedures where procedure.isAsync == isAsync && !names.contains(procedure.name) {
      names.append(procedure.name)
    }
    return names
  }
}
