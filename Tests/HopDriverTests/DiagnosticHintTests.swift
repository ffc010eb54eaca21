import Foundation
import HopDriver
import HopTestSupport
import Testing

/// What a diagnostic says beyond its message (issue 25 §4): a misspelt
/// variable taken for a global is named with the variable it resembles
/// (HH101), and a close outside a final state names the final states (HH110).
@Suite struct DiagnosticHintTests {
  static func notes(of program: String, code: String) throws -> [String] {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("hint-\(UUID().uuidString).hop").path
    try program.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let diagnostics = CheckSession.check([path]).files[0].report.diagnostics
    let diagnostic = try #require(diagnostics.first { $0.code.rawValue == code }, "\(diagnostics)")
    return diagnostic.notes.map(\.message)
  }

  @Test func aMisspeltLocalTakenForAGlobalIsNamed() throws {
    let notes = try Self.notes(of: "f() [emp] {\n  local tmp;\n  tmp = new();\n  dispose tpm;\n} [emp]\n", code: "HH101")
    #expect(notes.first == "'tpm' is not a parameter or a local here, so it names a global; did you mean 'tmp'?",
            "\(notes)")
    let read = try Self.notes(of: "tl;\nf(head) [head |-> ] {\n  local y;\n  y = haed->tl;\n  dispose head;\n} [emp]\n",
                              code: "HH101")
    #expect(read.first?.hasSuffix("did you mean 'head'?") == true, "\(read)")
  }

  @Test func aFaultOnAParameterOrAFarGlobalHasNoSuggestion() throws {
    let parameter = try Self.notes(of: "f(tmp) [emp] {\n  dispose tmp;\n} [emp]\n", code: "HH101")
    #expect(!parameter.contains { $0.contains("did you mean") }, "\(parameter)")
    let far = try Self.notes(of: "f() [emp] {\n  local tmp;\n  dispose queue;\n} [emp]\n", code: "HH101")
    #expect(!far.contains { $0.contains("did you mean") }, "\(far)")
  }

  @Test func aCloseOutsideAFinalStateNamesTheFinalStates() throws {
    let page = ExampleCatalog.projectRoot.appendingPathComponent("examples/diagnostics/HH110_bad.hop")
    let notes = try Self.notes(of: try String(contentsOf: page, encoding: .utf8), code: "HH110")
    #expect(notes.last == "close needs both ends in the final state done of Ping", "\(notes)")
    let two = """
      message m
      message n
      contract Two {
        initial state a { !m -> b; !n -> c; }
        final state b {}
        final state c {}
      }
      main() [emp] {
        local e, f;
        (e, f) = open(Two);
        close(e, f);
      } [emp]
      """
    let twoNotes = try Self.notes(of: two, code: "HH110")
    #expect(twoNotes.last == "close needs both ends in one of the final states b, c of Two (the same one)", "\(twoNotes)")
  }
}
