import HopContracts
import HopSyntax

/// Renders `hophop lint --format json`: the diagnostics of each file (as in
/// every JSON report) plus, per contract, each property's answer and witness.
public enum LintJSONRenderer {
  public static func render(_ result: LintSession.Result) -> String {
    JSONRenderer.encode(LintDocument(
      tool: "hophop", version: HophopVersion.current, command: "lint", exitStatus: result.exitStatus.rawValue,
      files: result.files.map { file in
        LintJSONFile(
          path: file.report.path,
          diagnostics: file.report.diagnostics.map { JSONDiagnostic($0, source: file.report.source) },
          contracts: (file.contracts?.contracts ?? []).map { lint in
            LintJSONContract(lint, usedByClose: file.contracts?.contractsUsedByClose.contains(lint.automaton.name) ?? false,
                             source: file.report.source)
          })
      }))
  }
}

struct LintDocument: Encodable {
  var tool: String
  var version: String
  var command: String
  var exitStatus: Int32
  var files: [LintJSONFile]
}

struct LintJSONFile: Encodable {
  var path: String
  var diagnostics: [JSONDiagnostic]
  var contracts: [LintJSONContract]
}

struct LintJSONContract: Encodable {
  struct Property: Encodable {
    var name: String
    var answer: String
    var detail: String
  }
  struct Exploration: Encodable {
    var configurations: Int
    var complete: Bool
    var maxBufferLength: Int
    var maxConfigurations: Int
  }
  var name: String
  var line: Int?
  var column: Int?
  var states: Int
  var edges: Int
  var usedByClose: Bool
  var properties: [Property]
  var exploration: Exploration
  var warnings: Int

  init(_ lint: ContractLint, usedByClose: Bool, source: SourceFile?) {
    let location = source?.location(of: lint.automaton.nameRange.start)
    name = lint.automaton.name
    line = location?.line
    column = location?.column
    states = lint.automaton.stateCount
    edges = lint.automaton.edges.count
    self.usedByClose = usedByClose
    properties = lint.rows.map { Property(name: $0.key, answer: $0.answer.rawValue, detail: $0.detail) }
    exploration = Exploration(
      configurations: lint.exploration.configurationCount, complete: lint.exploration.isComplete,
      maxBufferLength: lint.exploration.bounds.maxBufferLength,
      maxConfigurations: lint.exploration.bounds.maxConfigurations)
    warnings = lint.warnings.count
  }
}
