import Foundation
import HopContracts
import HopDriver
import HopSyntax
import HopTestSupport
import Testing

/// The pages of `hophop explain HHnnn` (docs/diagnostics/HHnnn.md): one per
/// code, and each page's example (examples/diagnostics/HHnnn_bad.*) really
/// gives its code, with exactly the output recorded in HHnnn_bad.out, which
/// the page shows; each fixed program (HHnnn_ok.*) no longer gives it.
/// `HOPHOP_RECORD=1` re-records the outputs, and fails.
@Suite struct DiagnosticPagesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let withExamples = DiagnosticPages.all.filter { $0.example != nil }.map(\.code.rawValue)
  static let withFixes = DiagnosticPages.all.filter { $0.fixed != nil }.map(\.code.rawValue)

  // MARK: Running an example

  /// The diagnostics of `command` on `input` written as `file` in a fresh folder, and their
  /// text as `hophop` prints it without colour, with the folder left out of the paths.
  static func run(_ command: DiagnosticPage.Command, file: String, input: DiagnosticPage.Input) throws
    -> (diagnostics: [Diagnostic], text: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-page-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(file).path
    switch input {
    case .text(let text): try text.write(toFile: path, atomically: true, encoding: .utf8)
    case .shell(let script): try shell(script, in: folder)
    case .missing: break
    }
    let report: FileReport
    switch command {
    case .check: report = CheckSession.check([path]).files[0].report
    case .lint: report = LintSession.lint([path]).files[0].report
    case .entail: report = EntailSession.decide(path: path).report
    case .contract(let name): report = ContractSession.render(path: path, contract: name, dual: false, as: .text).report
    case .lintUnresolved: report = try lintWithoutResolver(path)
    case .run(let procedure, let seed, let runs):
      report = RunSession.run(path: path, options: .init(procedure: procedure, seed: seed, runs: runs)).report
    }
    let text = TextRenderer(useColor: false).render(report).replacingOccurrences(of: path, with: file)
    return (report.diagnostics, timeoutAsShown(text))
  }

  /// Z3's reason for giving up on a quantified query depends on timing: `timeout`, `canceled`, or
  /// `incomplete quantifiers` when it stops before the timer (on a loaded machine, any of them);
  /// the HH210 page shows `timeout`, and the reason is compared as that.
  static func timeoutAsShown(_ text: String) -> String {
    text.replacing(#/the solver answered unknown \(.*\) \[HH210\]/#, with: "the solver answered unknown (timeout) [HH210]")
  }

  static func shell(_ script: String, in folder: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = folder
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(script)")
  }

  /// What lint (`FileContracts`) says of the contracts of a file that is only parsed.
  static func lintWithoutResolver(_ path: String) throws -> FileReport {
    let source = try SourceLoader.load(path).get()
    let parsed = Parser.parse(source)
    #expect(parsed.diagnostics.isEmpty)
    let contracts = FileContracts(parsed.program)
    let diagnostics = (contracts.errors + contracts.warnings + contracts.leakFreedomErrors).sortedBySource()
    return FileReport(path: path, source: source, diagnostics: diagnostics)
  }

  static func page(_ code: String) throws -> DiagnosticPage {
    try #require(DiagnosticPages.page(for: code))
  }

  // MARK: Examples and fixes

  /// The other codes an example cannot help giving: a final state's dead exit (HH314) leads to a state
  /// from which no final state is reachable (HH311).
  static let alsoGiven: [String: Set<String>] = ["HH314": ["HH311"]]

  /// The file of examples/diagnostics/ named `HHnnn_SUFFIX` with the extension of the example's file.
  static func exampleFile(_ code: String, _ suffix: String, _ example: DiagnosticPage.Example) -> URL {
    let ext = example.file.hasSuffix(".smt2") ? "smt2" : "hop"
    let name = suffix == "out" ? "\(code)_bad.out" : "\(code)_\(suffix).\(ext)"
    return root.appendingPathComponent("examples/diagnostics/\(name)")
  }

  /// The input as it is on disk now: a page's `.text` program is read from examples/diagnostics/,
  /// so that the test runs the file, not a copy built into an older binary.
  static func onDisk(_ input: DiagnosticPage.Input, _ code: String, _ suffix: String,
                     _ example: DiagnosticPage.Example) throws -> DiagnosticPage.Input {
    guard case .text = input else { return input }
    return .text(try String(contentsOf: exampleFile(code, suffix, example), encoding: .utf8))
  }

  /// With `HOPHOP_RECORD=1` the output is written to `HHnnn_bad.out` instead of compared, and the
  /// test fails, so that a recording run is never taken for a passing one.
  @Test(arguments: withExamples) func theExampleGivesItsCodeAndTheShownText(code: String) throws {
    let page = try Self.page(code)
    let example = try #require(page.example)
    let input = try Self.onDisk(example.input, code, "bad", example)
    let (diagnostics, text) = try Self.run(example.command, file: example.file, input: input)
    let others = Set(diagnostics.map(\.code.rawValue)).subtracting([code])
    #expect(diagnostics.contains { $0.code == page.code }, "\(code): \(diagnostics.map(\.code))")
    #expect(others == Self.alsoGiven[code, default: []], "\(code): other codes \(others.sorted())")
    let recorded = Self.exampleFile(code, "out", example)
    if ProcessInfo.processInfo.environment["HOPHOP_RECORD"] == "1" {
      try Data(text.utf8).write(to: recorded)
      Issue.record("\(code): recorded \(recorded.path) (HOPHOP_RECORD=1); run again without it")
      return
    }
    let onDisk = try String(contentsOf: recorded, encoding: .utf8)
    #expect(text == onDisk, "\(code): \(recorded.lastPathComponent) shows\n\(onDisk)\nbut hophop prints\n\(text)")
    #expect(onDisk == example.output, "\(code): the page built into hophop is older than \(recorded.lastPathComponent)")
  }

  @Test(arguments: withFixes) func theFixedProgramDoesNotGiveTheCode(code: String) throws {
    let page = try Self.page(code)
    let example = try #require(page.example, "a fix needs an example to fix")
    let fixed = try Self.onDisk(try #require(page.fixed), code, "ok", example)
    let (diagnostics, text) = try Self.run(example.command, file: example.file, input: fixed)
    #expect(!diagnostics.contains { $0.code == page.code }, "\(code):\n\(text)")
    #expect(!diagnostics.hasErrors, "\(code): the fixed program still has errors:\n\(text)")
  }

  static let runPages = DiagnosticPages.all.filter {
    if case .run? = $0.example?.command { true } else { false }
  }.map(\.code.rawValue)

  /// A `run` page's fault says which seed replays it (`--seed S --runs 1`); that one run gives
  /// the same fault, with the same notes, as the page shows.
  @Test(arguments: runPages) func theSeedARunPageShowsReplaysItsFault(code: String) throws {
    let example = try #require(Self.page(code).example)
    guard case .run(let procedure, _, _) = example.command else { return }
    let replay = try #/replay with --seed ([0-9]+) --runs 1/#.firstMatch(in: example.output)
    guard code != "HH500", code != "HH520", code != "HH521" else {
      #expect(replay == nil, "\(code): not a fault of a run, so no seed to replay")
      return
    }
    let shown = try #require(replay, "\(code): the page shows no seed")
    let seed = try #require(UInt64(String(shown.1)))
    let (diagnostics, text) = try Self.run(.run(procedure: procedure, seed: seed, runs: 1), file: example.file,
                                           input: example.input)
    #expect(diagnostics.map(\.code.rawValue) == [code])
    #expect(text == example.output, "\(code): --seed \(seed) --runs 1 prints\n\(text)")
  }

  @Test func aRunPageShowsItsSeedAndRunsOnTheCommandLine() throws {
    let example = try #require(Self.page("HH501").example)
    #expect(example.commandLine == "hophop run example.hop --proc second --seed 1 --runs 10")
    let other = DiagnosticPage.Example(.run(seed: 7, runs: 1), file: "a.hop", input: .missing, output: "")
    #expect(other.commandLine == "hophop run a.hop --seed 7 --runs 1")
  }

  /// Only these codes are shown without an example; their pages say why.
  @Test func onlyCodesNoProgramGivesHaveNoExample() {
    let without = DiagnosticPages.all.filter { $0.example == nil }.map(\.code.rawValue)
    #expect(without == ["HH013", "HH212"])
  }

  // MARK: Coverage

  /// The codes of the tables of docs/diagnostics.md (`| HHnnn |` rows).
  static func documentedCodes() throws -> Set<String> {
    let text = try String(contentsOf: root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    return Set(text.matches(of: try Regex(#"^\| (HH[0-9]{3}) \|"#).anchorsMatchLineEndings()).map {
      String(text[$0.range].dropFirst(2).prefix(5))
    })
  }

  /// The codes of the stages' catalogs.
  static func declaredCodes() throws -> Set<String> {
    Set(DiagnosticCatalog.all.flatMap(\.codes).map(\.rawValue))
  }

  @Test func everyDocumentedAndDeclaredCodeHasOnePage() throws {
    let pages = DiagnosticPages.all.map(\.code.rawValue)
    #expect(Set(pages).count == pages.count, "a code with two pages")
    let documented = try Self.documentedCodes()
    let declared = try Self.declaredCodes()
    #expect(documented.count >= 55)
    #expect(Set(pages) == documented, "pages \(Set(pages).symmetricDifference(documented).sorted())")
    #expect(Set(pages) == declared, "catalogs \(Set(pages).symmetricDifference(declared).sorted())")
  }

  /// docs/diagnostics/ holds one page per code of the catalogs, and examples/diagnostics/ only
  /// the programs and outputs of those pages' examples.
  @Test func everyCatalogCodeHasAPageFileAndEveryFileACode() throws {
    let manager = FileManager.default
    let pageFiles = try manager.contentsOfDirectory(atPath: Self.root.appendingPathComponent("docs/diagnostics").path)
    let declared = try Self.declaredCodes()
    #expect(Set(pageFiles) == Set(declared.map { "\($0).md" }),
            "\(Set(pageFiles).symmetricDifference(declared.map { "\($0).md" }).sorted())")
    var expected = Set<String>()
    for page in DiagnosticPages.all {
      guard let example = page.example else { continue }
      let code = page.code.rawValue
      expected.insert(Self.exampleFile(code, "out", example).lastPathComponent)
      if case .text = example.input { expected.insert(Self.exampleFile(code, "bad", example).lastPathComponent) }
      if case .text? = page.fixed { expected.insert(Self.exampleFile(code, "ok", example).lastPathComponent) }
    }
    let exampleFiles = try manager.contentsOfDirectory(atPath: Self.root.appendingPathComponent("examples/diagnostics").path)
    #expect(Set(exampleFiles) == expected, "\(Set(exampleFiles).symmetricDifference(expected).sorted())")
  }

  @Test func aPageHasEverySection() throws {
    for page in DiagnosticPages.all {
      let text = DiagnosticPages.render(page)
      #expect(text.hasPrefix("\(page.code): \(page.title)\n\n"))
      for heading in ["What it means", "The rule", "How to fix it"] { #expect(text.contains("\n\(heading)\n\n")) }
      #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
      if let example = page.example {
        #expect(text.contains(example.commandLine))
        #expect(text.contains("    " + (example.output.split(separator: "\n").first ?? "")))
      }
    }
  }

  // MARK: Looking a page up

  @Test func codesAreLookedUpInAnyCase() throws {
    #expect(DiagnosticPages.page(for: "hh102")?.code == DiagnosticCode("HH102"))
    #expect(DiagnosticPages.page(for: "HH999") == nil)
    #expect(DiagnosticPages.looksLikeCode("Hh001"))
    for notACode in ["HH10", "HH1020", "HX102", "HH10a", "example.hop", ""] {
      #expect(!DiagnosticPages.looksLikeCode(notACode), "\(notACode)")
    }
    let known = try #require(DiagnosticPages.explanation(for: "hh102"))
    let page = try Self.page("HH102")
    #expect(known.status == .success && known.text == DiagnosticPages.render(page))
    let unknown = try #require(DiagnosticPages.explanation(for: "HH999"))
    #expect(unknown.status == .badInput && unknown.text.contains("no diagnostic code HH999"))
    #expect(unknown.text.contains("HH101–HH117") && unknown.text.contains("HH500–HH521 (run)"))
    #expect(DiagnosticPages.explanation(for: "example.hop") == nil)
  }

  // MARK: The command

  typealias Run = ProcessRun

  static func hophop(_ arguments: [String], in folder: URL? = nil) throws -> Run {
    try EntailCommandLineTests.run(arguments, in: folder)
  }


  @Test func explainPrintsThePageOfACode() throws {
    let run = try Self.hophop(["explain", "HH102"])
    let page = try Self.page("HH102")
    #expect(run.status == 0)
    #expect(run.output == DiagnosticPages.render(page))
    #expect(run.errors.isEmpty)
  }

  @Test func explainOfAnUnknownCodeExitsTwo() throws {
    let run = try Self.hophop(["explain", "HH999"])
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.errors.contains("no diagnostic code HH999"))
  }

  @Test func aFileNamedLikeACodeIsExplainedAsAFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-page-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "main() {\n}\n".write(to: folder.appendingPathComponent("HH102"), atomically: true, encoding: .utf8)
    let run = try Self.hophop(["explain", "HH102"], in: folder)
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("// main: valid"), "\(run.output)")
  }
}
