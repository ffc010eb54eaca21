import HopChecker
import HopSyntax

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
    /// Present when some sync loop has no written invariant: what inference found for each.
    var inferredInvariants: [InferredInvariant]?

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
      if !file.inferences.isEmpty {
        inferredInvariants = file.inferences.map { InferredInvariant($0, source: file.report.source) }
      }
    }
  }

  /// One loop's inferred invariant: its formula in Hop syntax (absent when its cases need no
  /// single formula or inference gave up), its cases, or why inference gave up.
  struct InferredInvariant: Encodable {
    var procedure: String
    var line: Int
    var invariant: String?
    var cases: [String]
    var gaveUp: String?
    var iterations: Int
    var milliseconds: Double

    init(_ inference: LoopInference, source: SourceFile?) {
      procedure = inference.procedure
      line = source?.location(of: inference.range.start).line ?? 0
      invariant = inference.formula
      cases = inference.cases
      gaveUp = inference.reasonGivenUp
      iterations = inference.iterations
      milliseconds = inference.elapsed.milliseconds
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
