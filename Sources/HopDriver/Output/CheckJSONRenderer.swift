/// `hophop check --format json`: the common `JSONReport`, with per file each
/// procedure's verdict (sync and async alike) per condition, and timings.
public enum CheckJSONRenderer {
  public static func render(_ result: CheckSession.Result) -> String {
    JSONReport(command: "check", exitStatus: result.exitStatus, files: result.files.map { file in
      JSONFileReport(file.report, result: file.wasChecked ? Payload(file) : nil)
    }).text
  }

  /// What `check` found in one file that got through the front end.
  struct Payload: Encodable {
    var procedures: [Procedure]
    var solverQueries: Int
    var milliseconds: Double

    init(_ file: CheckSession.FileResult) {
      procedures = file.procedures.map { procedure in
        Procedure(name: procedure.name, layer: procedure.layer.rawValue, verdict: procedure.outcome.rawValue,
                  milliseconds: procedure.elapsed.milliseconds,
                  conditions: procedure.conditions.map {
                    Condition(condition: $0.description, outcome: $0.outcome.rawValue, withoutQuery: $0.reasonWithoutQuery)
                  })
      }
      solverQueries = file.async?.queryCount ?? 0
      milliseconds = file.elapsed.milliseconds
    }
  }

  struct Procedure: Encodable {
    var name: String
    var layer: String
    var verdict: String
    var milliseconds: Double
    var conditions: [Condition]
  }

  struct Condition: Encodable {
    var condition: String
    var outcome: String
    var withoutQuery: String?
  }
}
