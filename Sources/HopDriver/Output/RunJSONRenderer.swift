import HopRuntime

/// `hophop run --format json`: each procedure's campaign as data (runs,
/// how they ended, faults by kind with the seed that replays the first of
/// each); the faults themselves, with their traces, are the diagnostics.
public enum RunJSONRenderer {
  public static func render(_ result: RunSession.Result) -> String {
    // No result for a file that could not be run (unreadable, not compiled, no such procedure).
    let payload = result.exitStatus == .badInput && result.campaigns.isEmpty
      ? nil : Payload(procedures: result.campaigns.map(Procedure.init))
    return JSONReport(command: "run", exitStatus: result.exitStatus,
                      files: [JSONFileReport(result.report, result: payload)]).text
  }

  struct Payload: Encodable {
    var procedures: [Procedure]
  }

  struct Procedure: Encodable {
    var name: String
    var runs: Int
    var completed: Int
    var outOfSteps: Int
    var outOfRange: Int
    var withoutInput: Int
    var commands: Int
    var faults: [Fault]

    init(_ campaign: RunCampaign) {
      name = campaign.procedure
      runs = campaign.runs
      completed = campaign.completed
      outOfSteps = campaign.budgetExhausted
      outOfRange = campaign.rangeExceeded
      withoutInput = campaign.withoutInput
      commands = campaign.steps
      faults = campaign.kinds.map { kind in
        Fault(kind: kind.rawValue, runs: campaign.faults[kind] ?? 0, seed: campaign.witnesses[kind]?.seed ?? 0,
              message: campaign.witnesses[kind]?.fault.message ?? "")
      }
    }
  }

  struct Fault: Encodable {
    var kind: String
    var runs: Int
    var seed: UInt64
    var message: String
  }
}
