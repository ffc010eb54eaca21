
/// `hophop check --format json`: per file, the diagnostics, each
/// procedure's verdict (sync and async alike) per condition, and timings.
public enum CheckJSONRenderer {
  public static func render(_ result: CheckSession.Result) -> String {
    JSONRenderer.encode(Document(
      tool: "hophop", version: HophopVersion.current, command: "check",
      files: result.files.map { file in
        File(path: file.report.path,
             diagnostics: file.report.diagnostics.map { JSONDiagnostic($0, source: file.report.source) },
             procedures: file.procedures.map { procedure in
               Procedure(name: procedure.name, layer: procedure.layer.rawValue, verdict: procedure.outcome.rawValue,
                         milliseconds: procedure.elapsed.milliseconds,
                         conditions: procedure.conditions.map {
                           Condition(condition: $0.description, outcome: $0.outcome.rawValue,
                                     withoutQuery: $0.reasonWithoutQuery)
                         })
             },
             solverQueries: file.async?.queryCount ?? 0,
             milliseconds: file.elapsed.milliseconds)
      }))
  }

  struct Document: Encodable {
    var tool: String
    var version: String
    var command: String
    var files: [File]
  }

  struct File: Encodable {
    var path: String
    var diagnostics: [JSONDiagnostic]
    var procedures: [Procedure]
    var solverQueries: Int
    var milliseconds: Double
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
