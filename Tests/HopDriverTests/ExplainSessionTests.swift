import Foundation
import HopDriver
import HopTestSupport
import Testing

/// `hophop explain`: the proof printed as the program with the states the
/// checker recorded, compared byte for byte with Tests/Golden/explain.
@Suite struct ExplainSessionTests {
  static let golden = ["smallfoot/list_reverse", "smallfoot/buffer", "smallfoot/tree_dispose", "heaphop/service_choice",
                       "smallfoot/null_deref", "list_transfer", "smallfoot/loop_preserve", "tutorial/04_leak"]

  static func example(_ name: String) -> String {
    ExampleCatalog.projectRoot.appendingPathComponent("examples/\(name).hop").path
  }

  @Test(arguments: golden)
  func explanationIsTheGoldenOne(name: String) throws {
    let expected = try String(contentsOf: ExampleCatalog.projectRoot
      .appendingPathComponent("Tests/Golden/explain/\(URL(fileURLWithPath: name).lastPathComponent).txt"), encoding: .utf8)
    let result = ExplainSession.explain(path: Self.example(name))
    #expect(result.text == expected, "regenerate with: hophop explain examples/\(name).hop")
    #expect(ExplainSession.explain(path: Self.example(name)).text == result.text)
  }

  @Test func theReceiverOfListTransferShowsItsContractStatesAndEmpAfterClose() throws {
    let result = ExplainSession.explain(path: Self.example("list_transfer"), options: .init(procedure: "get"))
    let lines = try #require(result.text).split(separator: "\n").map(String.init)
    #expect(result.exitStatus == .success)
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
    let branches = try #require(lines.firstIndex { $0.contains("switch receive") })
    #expect(lines[branches...].contains { $0.contains(": f |-> ~C{transfer}") })
    #expect(lines[branches...].contains { $0.contains(": f |-> ~C{end}, peer: e * e |-> C{end}") })
    let close = try #require(lines.firstIndex { $0.contains("close(e, f);") })
    #expect(lines[(close + 1)...].prefix { $0.contains("//") }.last?.trimmingCharacters(in: .whitespaces) == "// emp")
    #expect(!lines.contains { $0.contains("#") })
  }

  /// The comment lines (trimmed) that follow the first source line containing `command`.
  /// With `then`, those after the first line equal to `then` that follows it.
  static func comments(after command: String, then: String? = nil, in name: String,
                       procedure: String? = nil) throws -> [String] {
    let text = try #require(ExplainSession.explain(path: example(name), options: .init(procedure: procedure)).text)
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    var index = try #require(lines.firstIndex { $0.contains(command) && !$0.hasPrefix("//") })
    if let then { index = try #require(lines[index...].firstIndex(of: then)) }
    return Array(lines[(index + 1)...].prefix { $0.hasPrefix("//") })
  }

  @Test func aLoopThatFailsShowsTheStatesInItsBodyAndNothingAfterIt() throws {
    // The body's states lead to HH105 at the `while`; what follows the loop is not reached.
    let body = try Self.comments(after: "t = t->tl;", in: "smallfoot/loop_preserve")
    #expect(body == ["// _a |-> tl: t * list(tl; t)"])
    let text = try #require(ExplainSession.explain(path: Self.example("smallfoot/loop_preserve")).text)
    #expect(!text.contains("after the loop"))
    // A failing command on one line: no states after it.
    let fault = try Self.comments(after: "y = y->tl;", in: "smallfoot/null_deref")
    #expect(fault.allSatisfy { $0.hasPrefix("// error:") || $0.hasPrefix("// note:") || $0.hasPrefix("//    ") }, "\(fault)")
  }

  @Test func aLoopShowsItsInvariantTheFrameKeptTheEndOfItsBodyAndTheStateAfterIt() throws {
    let header = try Self.comments(after: "while (i != NULL)", in: "smallfoot/list_reverse", procedure: "reverse")
    #expect(header == ["// invariant: list(tl; i) * list(tl; p)", "// on entry, kept outside the loop: emp"])
    let after = try Self.comments(after: "i = n;", then: "}", in: "smallfoot/list_reverse", procedure: "reverse")
    #expect(after == ["// end of body: the invariant holds again in 1 case",
                      "// after the loop: list(tl; i) * list(tl; p) * i == NULL"])
  }

  @Test func aCallShowsWhatItNeedsAndTheFrameKept() throws {
    let lines = try Self.comments(after: "reverse(l;);", in: "smallfoot/list_reverse", procedure: "build")
    #expect(lines == ["// reverse needs: list(tl; l)", "// frame kept: k == 0", "// list(tl; l)"])
  }

  @Test func aParallelCallShowsHowTheStateWasSplit() throws {
    let lines = try Self.comments(after: "dispose_tree(i) || dispose_tree(j);", in: "smallfoot/tree_dispose")
    #expect(lines.prefix(3) == ["// dispose_tree takes: tree(l; r; i)", "// dispose_tree takes: tree(l; r; j)",
                                "// frame kept by the caller: t |-> l: i, r: j"])
  }

  @Test func channelCommandsShowTheContractStateBeforeAndAfterAndWhatTheMessageCarried() throws {
    let cell = try Self.comments(after: "x = receive(cell, f)", in: "list_transfer", procedure: "get")
    #expect(cell.prefix(4) == ["// f: ~C{transfer} → ~C{wait}, receiving 'cell' with x |->",
                               "// after x = receive(cell, f): f |-> ~C{wait}, peer: _a * x |->",
                               "//    * done == 0",
                               "// after dispose x: f |-> ~C{wait}, peer: _a * done == 0"])
    #expect(cell.dropFirst(4) == ["// f: ~C{wait} → ~C{transfer}, sending 'ack' (no ownership)",
                                  "// after send(ack, f): f |-> ~C{transfer}, peer: _a * done == 0"])
    let fin = try Self.comments(after: "send(fin, e, e);", in: "list_transfer", procedure: "put")
    #expect(fin.first == "// e: C{transfer} → C{end}, sending 'fin' with e |-> C{end}")
    let close = try Self.comments(after: "close(e, f);", in: "list_transfer", procedure: "get")
    #expect(close == ["// e, f: closed in final state end", "// emp"])
  }

  @Test func aRegionShowsTheResourceInvariantComingInAndGoingOut() throws {
    let lines = try Self.comments(after: "with buf when (c == NULL)", in: "smallfoot/buffer", procedure: "put")
    // Back out goes the case of the invariant the region hands back, not the whole disjunction.
    #expect(lines == ["// buf's invariant comes in: c == NULL  or  c |->", "// after c = x: x |-> * c == x",
                      "// buf's invariant goes back out: c |->", "// after with buf when (c == NULL): emp"])
    let get = try Self.comments(after: "with buf when (c != NULL)", in: "smallfoot/buffer", procedure: "get")
    #expect(get.contains("// buf's invariant goes back out: c == NULL"))
  }

  @Test func noStatesAreShownAfterAnElseThatOpensABlock() throws {
    #expect(try Self.comments(after: "} else {", in: "smallfoot/tree_dispose", procedure: "dispose_tree").isEmpty)
  }

  @Test func theFailingCommandIsMarkedWithItsDiagnostic() throws {
    let result = ExplainSession.explain(path: Self.example("smallfoot/null_deref"))
    let lines = try #require(result.text).split(separator: "\n").map(String.init)
    let marked = lines.filter { $0.hasPrefix(">> ") }
    #expect(marked == [">>   y = y->tl;"])
    let index = try #require(lines.firstIndex(of: ">>   y = y->tl;"))
    #expect(lines[index + 1].contains("// error: memory fault"))
    #expect(result.exitStatus == .failure)
    // On a terminal, the marked line and its error are red, each reset before its end.
    let colored = try #require(ExplainSession.explain(path: Self.example("smallfoot/null_deref"),
                                                      options: .init(color: true)).text)
    let red = colored.split(separator: "\n").filter { $0.hasPrefix("\u{1B}[1;31m") }
    #expect(red.count >= 2 && red.allSatisfy { $0.hasSuffix("\u{1B}[0m") })
    #expect(red.first == "\u{1B}[1;31m>>   y = y->tl;\u{1B}[0m")
    #expect(!text(result).contains("\u{1B}"))
  }

  private func text(_ result: ExplainSession.Result) -> String { result.text ?? "" }

  @Test func casesAreCappedAndCounted() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-explain-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("cases.hop").path
    try "f(a, b, c) [emp] {\n  if (a == b) { } else { }\n  if (b == c) { } else { }\n  if (a == c) { } else { }\n} [emp]\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let text = try #require(ExplainSession.explain(path: path, options: .init(cases: 2)).text)
    #expect(text.contains("// 1: ") && text.contains("// 2: ") && !text.contains("// 3: "))
    #expect(text.contains("more cases"))
    let missing = ExplainSession.explain(path: path, options: .init(procedure: "nothing"))
    #expect(missing.exitStatus == .badInput && missing.text == nil)
  }

  // MARK: Issue 25

  @Test func aValueKeepsItsLetterFromStateToStateAndANewValueGetsANewOne() throws {
    // The peer received in `get` is _a after the reception, the dispose and the send.
    let cell = try Self.comments(after: "x = receive(cell, f)", in: "list_transfer", procedure: "get")
    #expect(cell.filter { $0.contains("peer: _a") }.count == 3, "\(cell)")
    // In `build`, the old k is a value the state did not have before: a new letter, not the old l's _a.
    let k = try Self.comments(after: "k = k - 1;", in: "smallfoot/list_reverse", procedure: "build")
    #expect(k == ["// c |-> hd: _b, tl: _a * list(tl; _a) * _b != 0 * l == c * k == _b - 1"])
  }

  @Test func hh105ShowsTheFailingCaseWithWhatItLeavesOver() throws {
    let notes = try Self.comments(after: "while (t != NULL)", in: "diagnostics/HH105_bad")
    #expect(notes.contains("// note: state: _a |-> tl: NULL * t == NULL"), "\(notes)")
    #expect(notes.contains("// note: left over: _a |-> tl: NULL"))
  }

  @Test func aLineOfSeveralCommandsGetsTheStateAfterEachAndALineOfOneNoTitle() throws {
    let lines = try Self.comments(after: "e = receive(fin, f)", in: "list_transfer", procedure: "get")
    #expect(lines.filter { $0.hasPrefix("// after ") } == ["// after e = receive(fin, f): f |-> ~C{end}, peer: e * e |-> C{end}",
                                                          "// after done = 1: f |-> ~C{end}, peer: e * e |-> C{end} * done == 1"])
    let one = try Self.comments(after: "t = x->tl;", in: "list_transfer", procedure: "put")
    #expect(one == ["// x |-> tl: t * e |-> C{transfer} * list(tl; t)"])
  }

  @Test func factsAboutDeadVariablesAreNotShownAndThoseAboutLiveOnesAre() throws {
    // After the last send, x and e are dead (put's postcondition is emp): nothing but emp.
    let end = try Self.comments(after: "send(fin, e, e);", in: "list_transfer", procedure: "put")
    #expect(end == ["// e: C{transfer} → C{end}, sending 'fin' with e |-> C{end}", "// emp"])
    // done is read by the loop's condition: its fact stays.
    #expect(try Self.comments(after: "done = 0;", in: "list_transfer", procedure: "get") == ["// f |-> ~C{transfer} * done == 0"])
    // An endpoint compared with 0 reads NULL, also in a state without its cell; `emp *` never comes first.
    let kept = try Self.comments(after: "while (x != NULL)", in: "list_transfer", procedure: "put")
    #expect(kept.last == "// on entry, kept outside the loop: e != NULL")
  }

  @Test func briefShowsTheCellsAndTheFactsAboutLiveVariablesOnly() throws {
    let brief = try #require(ExplainSession.explain(path: Self.example("smallfoot/list_reverse"),
                                                    options: .init(procedure: "build", brief: true)).text)
    // c is dead after `k = k - 1` (it is allocated again before it is read): `l == c` goes too.
    #expect(brief.contains("// c |-> hd: _b, tl: _a * list(tl; _a)\n"), "\(brief)")
    #expect(!brief.contains("_b != 0"))
    let full = try #require(ExplainSession.explain(path: Self.example("smallfoot/list_reverse"),
                                                   options: .init(procedure: "build")).text)
    #expect(full.contains("_b != 0"))
  }

  @Test func linesWrapBetweenAtomsNeverInsideOne() throws {
    let text = try #require(ExplainSession.explain(path: Self.example("list_transfer"), options: .init(width: 40)).text)
    let lines = text.split(separator: "\n").map(String.init)
    // `with e |-> C{end}` stays whole; a continued line starts with a whole atom.
    #expect(lines.contains { $0.hasSuffix("with e |-> C{end}") }, "\(lines)")
    #expect(!lines.contains { $0.hasSuffix("|->") && !$0.hasSuffix("x |->") })
    #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("//    C{") })
    // At 80 columns (not a terminal: the default), every line fits.
    let wide = try #require(ExplainSession.explain(path: Self.example("list_transfer")).text)
    #expect(wide.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }

  @Test func onOneTerminalTheErrorShownUnderItsCommandIsNotRepeatedOnStandardError() throws {
    let result = ExplainSession.explain(path: Self.example("smallfoot/null_deref"))
    let error = try #require(result.report.diagnostics.first { $0.severity == .error })
    #expect(result.shownInText == [error])
    #expect(!result.standardErrorReport(sameTerminal: true).diagnostics.contains(error))
    #expect(result.standardErrorReport(sameTerminal: false).diagnostics.contains(error))
  }

  @Test func lineShowsOnlyTheStatesAtThatLine() throws {
    let path = Self.example("smallfoot/list_reverse")
    let source = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    let number = try #require(source.firstIndex { $0.contains("n = i->tl;") }) + 1
    let result = ExplainSession.explain(path: path, options: .init(line: number))
    #expect(result.text == "// reverse: valid\n       n = i->tl;\n       // i |-> tl: n * list(tl; p) * list(tl; n)\n")
    let outside = ExplainSession.explain(path: path, options: .init(line: source.count + 5))
    #expect(outside.exitStatus == .badInput && outside.text == nil)
  }

  /// `hophop explain` in a pipe: the comments wrap at 80, and standard error repeats the error.
  @Test func inAPipeTheErrorIsAlsoOnStandardErrorAndTheOptionsReachTheSession() throws {
    let run = try EntailCommandLineTests.run(["explain", Self.example("smallfoot/null_deref"), "--brief", "--line", "9"])
    #expect(run.output.contains(">>   y = y->tl;") && run.output.contains("// error: memory fault"))
    #expect(!run.output.contains("last_but_one(x) ["))
    #expect(run.errors.contains("error: memory fault"))
  }

  #if os(Linux)
  /// In a terminal (a pseudo-terminal of `script`, util-linux) 50 columns wide, with standard output and
  /// standard error on it: comments wrap at 50 without --width, and the error is printed once.
  @Test func inATerminalCommentsWrapAtItsWidthAndTheErrorIsPrintedOnce() throws {
    let hophop = EntailCommandLineTests.hophop.path
    let command = "stty cols 50 rows 40; '\(hophop)' explain --no-color '\(Self.example("smallfoot/null_deref"))'"
    let run = try runProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
    let lines = run.output.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.contains("error: memory fault") }.count == 1, "\(lines)")
    #expect(lines.filter { $0.contains("//") }.allSatisfy { $0.count <= 50 }, "\(lines)")
    #expect(lines.contains { $0.hasSuffix("//    x |-> tl: NULL * y == NULL") }, "\(lines)")
  }
  #endif
}
