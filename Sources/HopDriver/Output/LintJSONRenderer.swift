import HopContracts
import HopSyntax

/// Renders `hophop lint --format json`: the common `JSONReport`, with per
/// file each contract's properties (answer and witness) as its result.
public enum LintJSONRenderer {
  public static func render(_ result: LintSession.Result) -> String {
    JSONReport(command: "lint", exitStatus: result.exitStatus, files: result.files.map { file in
      JSONFileReport(file.report, result: file.contracts.map { contracts in
        Payload(contracts: contracts.contracts.map { lint in
          LintJSONContract(lint, usedByClose: contracts.contractsUsedByClose.contains(lint.automaton.name),
                           source: file.report.source)
        })
      })
    }).text
  }

  /// What `lint` found in one file that got through the front end.
  struct Payload: Encodable {
    var contracts: [LintJSONContract]
  }
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
