import Foundation
import HopDriver
import HopTestSupport
import Testing

/// `hophop explain --format dot|svg|png|html`: every example drawn, the
/// command line's files and exit codes, and each way of asking for a state
/// that is not there (a line with none, a procedure that does not exist,
/// several procedures and no --proc, no `dot`, a `dot` that hangs).
@Suite struct ExplainPictureTests {
  static func example(_ name: String) -> String {
    ExampleCatalog.projectRoot.appendingPathComponent("examples/\(name).hop").path
  }

  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRun {
    try EntailCommandLineTests.run(["explain"] + arguments, environment: environment)
  }

  static func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-pictures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// Every example: the page (every state of every procedure through dot), and the default picture of its
  /// first procedure as DOT, SVG and PNG; a file with no sync procedure says so and exits 2.
  @Test(.enabled(if: RenderingTests.dotIsInstalled), arguments: ExampleCatalog.examples)
  func everyExampleIsDrawn(path: String) throws {
    let explained = ExplainSession.explain(path: path)
    let page = ExplainPictureSession.page(path: path, options: .init())
    guard explained.text != nil else {
      // Not checkable (a syntax or contract error): no page, the diagnostics and exit 2, as the text.
      #expect(page.html == nil && page.exitStatus == .badInput && explained.exitStatus == .badInput)
      return
    }
    guard let first = explained.traces.first?.procedure.name.name else {
      #expect(page.html == nil && page.exitStatus == .badInput)
      #expect(page.problem?.contains("has no sync procedures") == true, "\(page.problem ?? "")")
      return
    }
    let html = try #require(page.html, "\(page.graphvizFailure.map(String.init(describing:)) ?? page.problem ?? "")")
    #expect(page.exitStatus == explained.exitStatus)
    let steps = html.components(separatedBy: "<section class=\"step").count - 1
    let pictures = html.components(separatedBy: "<svg ").count - 1
    let failures = explained.traces.filter { $0.diagnostics.contains { $0.severity == .error } }
    #expect(pictures > 0 && steps == pictures + failures.count, "\(steps) steps, \(pictures) pictures")
    let picture = ExplainPictureSession.picture(path: path, options: .init(procedure: first))
    let dot = try #require(picture.dot, "\(picture.problem ?? "")")
    #expect(dot.hasPrefix("digraph \"heap\" {") && dot.contains("label=\"\(first), line "))
    let svg = String(decoding: try GraphvizRenderer.render(dot, format: "svg").get(), as: UTF8.self)
    #expect(svg.contains("<svg") && svg.contains("\(first), line"))
    let png = try GraphvizRenderer.render(dot, format: "png").get()
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }

  @Test(.enabled(if: RenderingTests.dotIsInstalled)) func theCommandWritesEachFormatToItsFile() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for format in ["dot", "svg", "png", "html"] {
      let target = directory.appendingPathComponent("main.\(format)")
      let line = format == "html" ? [] : ["--line", "45"]
      let run = try Self.run([Self.example("list_transfer"), "--proc", "main", "--format", format, "-o", target.path] + line)
      #expect(run.status == 0 && run.output.isEmpty && run.errors.isEmpty, "\(format): \(run)")
      let data = try Data(contentsOf: target)
      let text = String(decoding: data, as: UTF8.self)
      switch format {
      case "dot": #expect(text.contains("label=\"peer\", dir=both") && text.contains("label=\"list(tl)\""))
      case "svg": #expect(text.contains("<svg") && text.contains("endpoint"))
      case "png": #expect(try PNGPixels(data).width > 100)
      default:
        // Self-contained: nothing to fetch (SVG's xmlns names are not requests).
        for request in ["<link", " src=", "@import", "url("] { #expect(!text.contains(request), "\(request)") }
        #expect(text.contains("<style>") && text.contains("<script>") && text.contains("id=\"step-2\""))
      }
    }
    // A failing procedure: its picture is written, and the exit status is explain's (1).
    let failing = try Self.run([Self.example("smallfoot/null_deref"), "--format", "dot"])
    #expect(failing.status == 1 && failing.output.contains("label=\"last_but_one, line 8\""), "\(failing)")
    #expect(failing.errors.contains("[HH101]"))
  }

  @Test func aLineWithNoStateIsAnErrorThatSaysWhichLinesHaveOne() throws {
    let list = Self.example("list_transfer")
    let blank = try Self.run([list, "--proc", "main", "--line", "44", "--format", "dot"])
    #expect(blank.status == 2 && blank.output.isEmpty)
    #expect(blank.errors == "hophop: error: no state after line 44 in 'main'; states follow lines 43, 45, 46\n", "\(blank)")
    let outside = try Self.run([list, "--line", "48", "--format", "svg"])
    #expect(outside.status == 2 && outside.errors.contains("error: line 48 is not in a sync procedure [HH020]")
              && outside.errors.contains("the procedures are 'put' (lines 18-27), 'get' (lines 29-41), 'main' (lines 43-47)")
              && !outside.errors.contains("^"), "\(outside)")
    // The line alone picks its procedure.
    let byLine = try Self.run([list, "--line", "45", "--format", "dot"])
    #expect(byLine.status == 0 && byLine.output.contains("label=\"main, line 45\""), "\(byLine)")
    let failing = try Self.run([Self.example("smallfoot/null_deref"), "--line", "9", "--format", "dot"])
    #expect(failing.status == 2 && failing.errors.contains(
      "hophop: error: no state after line 9 in 'last_but_one': the command there fails (HH101), so nothing follows it; "
        + "states follow lines 6, 8"), "\(failing)")
    let zero = try Self.run([list, "--line", "0", "--format", "dot"])
    #expect(zero.status == 2 && zero.errors.contains("it must be a whole number of lines, from 1 to"))
  }

  @Test func severalProceduresNeedProcAndAnUnknownOneIsBadInput() throws {
    let several = try Self.run([Self.example("list_transfer"), "--format", "dot"])
    #expect(several.status == 2 && several.output.isEmpty)
    #expect(several.errors.contains("has 3 sync procedures (put, get, main); a picture shows one state: pass --proc NAME"))
    let unknown = try Self.run([Self.example("list_transfer"), "--proc", "nosuch", "--format", "svg"])
    #expect(unknown.status == 2 && unknown.output.isEmpty && unknown.errors.contains("no sync procedure named 'nosuch'"))
    let asyncOnly = try Self.run([Self.example("async/server"), "--format", "html"])
    #expect(asyncOnly.status == 2 && asyncOnly.errors.contains("has no sync procedures")
            && asyncOnly.errors.contains("'hophop check "), "\(asyncOnly)")
    let contractsOnly = try Self.run([Self.example("contracts/ping_pong"), "--format", "svg"])
    #expect(contractsOnly.status == 2 && contractsOnly.errors.contains("its contracts are drawn by 'hophop contract "),
            "\(contractsOnly)")
  }

  @Test func optionsThatDoNotFitTheFormatAreRefused() throws {
    let list = Self.example("list_transfer")
    let pageWithLine = try Self.run([list, "--format", "html", "--line", "45"])
    #expect(pageWithLine.status == 2 && pageWithLine.errors.contains("the html page has every state (drop --line)"))
    let badLine = try Self.run([list, "--format", "svg", "--line", "0"])
    #expect(badLine.status == 2 && badLine.errors.contains("it must be a whole number of lines, from 1 to"))
    let textToFile = try Self.run([list, "-o", "/tmp/never-written.txt"])
    #expect(textToFile.status == 2 && textToFile.errors.contains("-o writes a picture or a page"))
    let code = try Self.run(["HH101", "--format", "svg"])
    #expect(code.status == 2 && code.errors.contains("'HH101' is a diagnostic code; its page is text or json"))
  }

  @Test func withoutDotTheMessageIsContractsAndTheExitIsTwo() throws {
    let environment = ["PATH": "/nonexistent"]
    let explain = try Self.run([Self.example("list_transfer"), "--proc", "main", "--format", "svg"], environment: environment)
    let contract = try EntailCommandLineTests.run(["contract", "--format", "svg", Self.example("list_transfer"), "C"],
                                                  environment: environment)
    #expect(explain.status == 2 && contract.status == 2 && explain.output.isEmpty)
    #expect(explain.errors == "hophop explain: \(GraphvizRenderer.Failure.notInstalled)\n", "\(explain)")
    #expect(contract.errors.hasSuffix("hophop contract: \(GraphvizRenderer.Failure.notInstalled)\n"), "\(contract)")
    let page = try Self.run([Self.example("list_transfer"), "--format", "html"], environment: environment)
    #expect(page.status == 2 && page.errors == explain.errors)
    // DOT needs no Graphviz.
    let dot = try Self.run([Self.example("list_transfer"), "--proc", "main", "--format", "dot"], environment: environment)
    #expect(dot.status == 0 && dot.output.hasPrefix("digraph"))
  }

  @Test func aDotThatHangsIsStoppedAfterTheTimeout() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let hanging = directory.appendingPathComponent("dot")
    try "#!/bin/sh\nexec sleep 30\n".write(to: hanging, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hanging.path)
    let started = Date()
    let page = ExplainPictureSession.page(path: Self.example("list_transfer"), options: .init(), timeoutSeconds: 1,
                                          program: hanging.path)
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(page.html == nil && page.exitStatus == .badInput && page.graphvizFailure == .timedOut(1))
    #expect(String(describing: page.graphvizFailure!).hasPrefix("dot did not finish within 1 s and was stopped"))
  }
}
