import Foundation
import HopDriver
import HopTestSupport
import Testing

/// Every subcommand's `--format json` document, from the built executable,
/// validated against docs/json-schema.json, with its result checked against
/// what the text form says; and the validator itself, on documents that must fail.
@Suite struct JSONSchemaTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let examples = root.appendingPathComponent("examples")

  static let validator: JSONSchemaValidator = {
    let text = (try? String(contentsOf: root.appendingPathComponent("docs/json-schema.json"), encoding: .utf8)) ?? ""
    return JSONSchemaValidator(schema: (try? JSONValue.parse(text)) ?? .null)
  }()

  static func example(_ name: String) -> String { examples.appendingPathComponent(name).path }

  /// Runs hophop with `--format json`, checks the document against the schema and its exit status, and returns it.
  static func document(_ arguments: [String], environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation)
    throws -> (JSONValue, EntailCommandLineTests.Run)
  {
    let run = try EntailCommandLineTests.run([arguments[0], "--format", "json"] + arguments.dropFirst(),
                                             environment: environment)
    let document = try JSONValue.parse(run.output)
    let errors = validator.errors(in: document)
    #expect(errors.isEmpty, "\(arguments): \(errors.prefix(5))", sourceLocation: sourceLocation)
    #expect(document["exitStatus"] == .number(Double(run.status), isInteger: true), "\(arguments)",
            sourceLocation: sourceLocation)
    #expect(document["command"]?.stringValue == arguments[0], sourceLocation: sourceLocation)
    return (document, run)
  }

  static func result(_ document: JSONValue, file: Int = 0) -> JSONValue? { document["files"]?.arrayValue?[file]["result"] }

  @Test func theSchemaIsWithinTheValidatorsSubset() {
    #expect(Self.validator.schema["$defs"] != nil)
    // Validating the schema's own keywords: an unsupported one would be reported on any document.
    #expect(Self.validator.errors(in: .object(["tool": .string("hophop")])).allSatisfy { !$0.contains("not supported") })
  }

  @Test func checkGivesEveryVerdict() throws {
    let (document, _) = try Self.document(["check", Self.example("smallfoot/list_reverse.hop"),
                                           Self.example("smallfoot/leak.hop"), Self.example("async/server.hop")])
    let verdicts = (0..<3).map { file in
      Self.result(document, file: file)?["procedures"]?.arrayValue?.compactMap { $0["verdict"]?.stringValue } ?? []
    }
    #expect(!verdicts[0].isEmpty && verdicts[0].allSatisfy { $0 == "valid" })
    #expect(verdicts[1].contains("invalid"))
    #expect(!verdicts[2].isEmpty)
  }

  @Test func aFileThatDoesNotParseHasDiagnosticsAndNoResult() throws {
    let path = try Self.temporary("f(x) [emp] {\n  x = ;\n}\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    for command in ["check", "lint", "explain", "fmt", "parse", "run"] {
      let (document, run) = try Self.document([command, path])
      #expect(run.status == 2, "\(command)")
      let file = try #require(document["files"]?.arrayValue?.first)
      #expect(file["result"] == nil, "\(command)")
      #expect(file["diagnostics"]?.arrayValue?.first?["code"]?.stringValue == "HH010", "\(command)")
    }
  }

  @Test func runGivesEachProceduresRunsAndFaults() throws {
    let (valid, ran) = try Self.document(["run", "--runs", "20", Self.example("list_transfer.hop")])
    #expect(ran.status == 0)
    let main = try #require(Self.result(valid)?["procedures"]?.arrayValue?.first)
    #expect(main["name"]?.stringValue == "main" && main["runs"] == .number(20, isInteger: true))
    #expect(main["faults"]?.arrayValue?.isEmpty == true)
    let (faulty, faulted) = try Self.document(["run", "--runs", "20", Self.example("smallfoot/double_dispose.hop")])
    #expect(faulted.status == 1)
    let faults = (Self.result(faulty)?["procedures"]?.arrayValue ?? []).flatMap { $0["faults"]?.arrayValue ?? [] }
    #expect(faults.contains { $0["kind"]?.stringValue == "double dispose" })
    #expect(faulty["files"]?.arrayValue?.first?["diagnostics"]?.arrayValue?.isEmpty == false)
  }

  @Test func lintGivesEachContractsProperties() throws {
    let (document, run) = try Self.document(["lint", Self.example("contracts/list_transfer.hop")])
    #expect(run.status == 0)
    let contracts = try #require(Self.result(document)?["contracts"]?.arrayValue)
    #expect(!contracts.isEmpty && contracts.allSatisfy { $0["properties"]?.arrayValue?.count == 6 })
  }

  @Test func explainGivesTheTraceAsData() throws {
    let (document, run) = try Self.document(["explain", Self.example("smallfoot/list_reverse.hop")])
    #expect(run.status == 0)
    let procedure = try #require(Self.result(document)?["procedures"]?.arrayValue?.first)
    let steps = try #require(procedure["steps"]?.arrayValue)
    #expect(!steps.isEmpty)
    let states = steps.flatMap { $0["states"]?.arrayValue ?? [] }
    #expect(!states.isEmpty)
    // Each state's atoms say what its text says, with the same names.
    for state in states {
      let text = try #require(state["text"]?.stringValue)
      for atom in (state["spatial"]?.arrayValue ?? []) + (state["pure"]?.arrayValue ?? []) {
        #expect(text.contains(try #require(atom["text"]?.stringValue)), "\(text)")
        #expect(!(atom["args"]?.arrayValue ?? []).contains { $0.stringValue?.contains("#") ?? true })
      }
    }
    #expect(states.contains { state in state["spatial"]?.arrayValue?.contains { $0["kind"]?.stringValue == "pointsTo" } == true
                                || state["spatial"]?.arrayValue?.contains { $0["kind"]?.stringValue == "lseg" } == true })
    // The text form prints the same states (the short ones, which it does not wrap).
    let text = try EntailCommandLineTests.run(["explain", Self.example("smallfoot/list_reverse.hop")]).output
    let short = states.compactMap { $0["text"]?.stringValue }.filter { $0.count < 40 }
    #expect(!short.isEmpty && short.allSatisfy { text.contains($0) })
  }

  @Test func explainGivesEndpointsWithTheirContractStates() throws {
    let (document, run) = try Self.document(["explain", Self.example("list_transfer.hop")])
    #expect(run.status == 0)
    let procedures = try #require(Self.result(document)?["procedures"]?.arrayValue)
    let atoms = procedures.flatMap { procedure in
      ((procedure["entry"]?.arrayValue ?? []) + (procedure["steps"]?.arrayValue ?? []).flatMap { $0["states"]?.arrayValue ?? [] })
        .flatMap { $0["spatial"]?.arrayValue ?? [] }
    }
    let endpoint = try #require(atoms.first { $0["kind"]?.stringValue == "endpoint" })
    #expect(endpoint["contract"]?.stringValue == "C" && endpoint["dual"] != nil)
    #expect(endpoint["states"]?.arrayValue?.isEmpty == false)
    #expect(procedures.allSatisfy { $0["steps"]?.arrayValue?.allSatisfy { $0["annotations"]?.arrayValue != nil } == true })
    // The remarks explain prints: a send's contract states on its step, a reception in a switch in the notes.
    let annotations = procedures.flatMap { ($0["steps"]?.arrayValue ?? []).flatMap { $0["annotations"]?.arrayValue ?? [] } }
      .compactMap(\.stringValue)
    #expect(annotations.contains("e: C{transfer} → C{end}, sending 'fin' with e |-> C{end}"))
    let notes = procedures.flatMap { $0["notes"]?.arrayValue ?? [] }
    let reception = try #require(notes.first {
      $0["text"]?.stringValue == "f: ~C{transfer} → ~C{wait}, receiving 'cell' with x |->"
    })
    #expect(reception["line"] == .number(36, isInteger: true))
  }

  @Test func explainGivesItsReasonAsADiagnostic() throws {
    let (document, run) = try Self.document(["explain", "--proc", "nowhere", Self.example("smallfoot/list_reverse.hop")])
    #expect(run.status == 2)
    let diagnostics = try #require(document["files"]?.arrayValue?.first?["diagnostics"]?.arrayValue)
    #expect(diagnostics.contains { $0["message"]?.stringValue?.contains("nowhere") == true })
    #expect(run.errors.isEmpty)
  }

  @Test func explainOfACodeGivesThePageAsData() throws {
    let (document, run) = try Self.document(["explain", "hh102"])
    let text = try EntailCommandLineTests.run(["explain", "HH102"]).output
    #expect(run.status == 0 && run.errors.isEmpty)
    #expect(document["files"]?.arrayValue?.first?["path"]?.stringValue == "hh102")
    let result = try #require(Self.result(document))
    #expect(result["code"]?.stringValue == "HH102")
    #expect(result["text"]?.stringValue == text)
    #expect(result["example"]?["commandLine"]?.stringValue == "hophop check example.hop")
    #expect(result["example"]?["input"]?["text"]?.stringValue?.isEmpty == false)
    #expect(result["fixed"]?["text"]?.stringValue?.isEmpty == false)
    let (unknown, unknownRun) = try Self.document(["explain", "HH999"])
    #expect(unknownRun.status == 2 && unknownRun.errors.isEmpty)
    #expect(unknown["files"]?.arrayValue?.isEmpty == true)
    #expect(unknown["error"]?["message"]?.stringValue?.hasPrefix("no diagnostic code HH999; the codes are") == true)
  }

  /// Every page's document, built in process: pages with a shell input, without an example, without a fix.
  @Test func everyPageIsADocumentOfTheSchema() throws {
    for page in DiagnosticPages.all {
      let explained = try #require(DiagnosticPages.jsonExplanation(for: page.code.rawValue))
      let document = try JSONValue.parse(explained.text)
      #expect(Self.validator.errors(in: document).isEmpty, "\(page.code): \(Self.validator.errors(in: document).prefix(3))")
      #expect(Self.result(document)?["text"]?.stringValue == DiagnosticPages.render(page))
    }
  }

  @Test func entailGivesTheAnswer() throws {
    let problem = try EntailCommandLineTests.problem("(assert (sep (pto x (node y)) (pto y (node x))))")
    let malformed = try EntailCommandLineTests.problem("(assert (pto x")
    defer { for path in [problem, malformed] { try? FileManager.default.removeItem(atPath: path) } }
    let (document, run) = try Self.document(["entail", problem])
    #expect(run.status == 0 && Self.result(document)?["answer"]?.stringValue == "sat")
    let (bad, badRun) = try Self.document(["entail", malformed])
    #expect(badRun.status == 2 && Self.result(bad) == nil)
    #expect(bad["files"]?.arrayValue?.first?["diagnostics"]?.arrayValue?.isEmpty == false)
  }

  @Test func fmtAndParseGiveTheTextAndTheTree() throws {
    let path = Self.example("smallfoot/list_reverse.hop")
    let (formatted, _) = try Self.document(["fmt", path])
    #expect(Self.result(formatted)?["text"]?.stringValue == (try EntailCommandLineTests.run(["fmt", path]).output))
    let (parsed, run) = try Self.document(["parse", path])
    #expect(run.status == 0)
    let tree = try #require(Self.result(parsed)?["ast"])
    #expect(tree["node"]?.stringValue == "Program")
    #expect(run.output.contains("\"node\" : \"Statement.") && run.output.contains("\"node\" : \"Identifier\""))
    // Byte for byte the same on every run (no hashing order leaks into the document).
    let again = try Self.document(["parse", Self.example("async/server.hop")]).1.output
    #expect(again == (try Self.document(["parse", Self.example("async/server.hop")]).1.output))
    let (bare, _) = try Self.document(["parse", "--no-ranges", path])
    #expect(!(try #require(Self.result(bare)).description.contains("offset")))
  }

  @Test func withoutZ3CheckStillPrintsADocument() throws {
    let (document, run) = try Self.document(["check", Self.example("async/server.hop")],
                                            environment: Z3OnDemandTests.missingLibrary)
    #expect(run.status == 2)
    #expect(document["error"]?["message"]?.stringValue?.contains("/nonexistent/libz3.so") == true)
    #expect(Self.result(document) == nil)
  }

  // MARK: The validator

  @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
    let good = try JSONValue.parse("""
      {"tool": "hophop", "version": "0.1.0", "command": "fmt", "exitStatus": 0,
       "files": [{"path": "a.hop", "diagnostics": [], "result": {"text": "x"}}]}
      """)
    #expect(Self.validator.errors(in: good).isEmpty)
    let bad: [(String, String)] = [
      (#"{"tool": "hophop", "version": "0.1.0", "command": "fmt", "files": []}"#, "missing required property 'exitStatus'"),
      (#"{"tool": "hophop", "version": "0.1.0", "command": "xml", "exitStatus": 0, "files": []}"#, "not one of"),
      (#"{"tool": "hophop", "version": 1, "command": "fmt", "exitStatus": 0, "files": []}"#, "expected string"),
      (#"{"tool": "hophop", "version": "1", "command": "fmt", "exitStatus": 0, "files": [], "extra": 1}"#, "'extra' is not allowed"),
      (#"{"tool": "hophop", "version": "1", "command": "fmt", "exitStatus": true, "files": []}"#, "not one of"),
      (#"{"tool": "hophop", "version": "1", "command": "fmt", "exitStatus": 0, "files": [{"path": "a", "diagnostics": [], "result": {"text": 3}}]}"#, "anyOf"),
      (#"{"tool": "hophop", "version": "1", "command": "parse", "exitStatus": 0, "files": [{"path": "a", "diagnostics": [], "result": {"ast": {"node": "Program", "fields": {"a": 1.5}}}}]}"#, "anyOf"),
    ]
    for (text, expected) in bad {
      let errors = Self.validator.errors(in: try JSONValue.parse(text))
      #expect(errors.contains { $0.contains(expected) }, "\(text): \(errors)")
    }
    // oneOf wants exactly one alternative; anyOf at least one.
    let string = JSONValue.object(["type": .string("string")]), number = JSONValue.object(["type": .string("number")])
    #expect(JSONSchemaValidator(schema: .object(["oneOf": .array([string, string])])).errors(in: .string("x"))
      .contains { $0.contains("matches 2 of the oneOf") })
    #expect(JSONSchemaValidator(schema: .object(["anyOf": .array([string, string])])).errors(in: .string("x")).isEmpty)
    #expect(JSONSchemaValidator(schema: .object(["anyOf": .array([string, number])])).errors(in: .boolean(true))
      .contains { $0.contains("none of the anyOf") })
    #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse("{\"a\": 1,}") }
    #expect(JSONSchemaValidator(schema: .object(["minimum": .number(0, isInteger: true)])).errors(in: .null)
      .contains { $0.contains("not supported") })
  }

  static func temporary(_ text: String, extension ext: String = "hop") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-json-\(UUID().uuidString).\(ext)").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}

extension JSONValue: CustomStringConvertible {
  public var description: String {
    switch self {
    case .object(let members): "{" + members.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .string(let text): "\"\(text)\""
    case .number(let number, _): "\(number)"
    case .boolean(let flag): "\(flag)"
    case .null: "null"
    }
  }
}
