import HopSMTLib

/// `hophop entail --format json`: the common `JSONReport`, with SL-COMP's
/// answer (and the status the file declares, when it declares one) as the
/// file's result; no result when the file is malformed.
public enum EntailJSONRenderer {
  struct Payload: Encodable {
    /// `sat`, `unsat` or `unknown`, as the text form prints it.
    var answer: String
    var expected: String?
  }

  public static func render(_ outcome: EntailSession.Outcome) -> String {
    JSONReport(command: "entail", exitStatus: outcome.answer == nil ? .badInput : .success, files: [
      JSONFileReport(outcome.report, result: outcome.answer.map {
        Payload(answer: $0.rawValue, expected: outcome.expected?.rawValue)
      }),
    ]).text
  }
}
