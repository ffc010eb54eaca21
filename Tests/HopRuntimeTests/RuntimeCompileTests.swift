import HopRuntime
import HopSyntax
import Testing

/// Programs the interpreter refuses, with the diagnostics of why.
@Suite struct RuntimeCompileTests {
  @Test func aLiteralBeyondSixtyFourBitsIsReported() throws {
    let front = Frontend.analyze(SourceFile(path: "t.hop", text: "main() { local x; x = 99999999999999999999; }"))
    #expect(front.isUsable)
    #expect(throws: RuntimeCompileError.self) { try RuntimeProgram.compile(front.program) }
    do {
      _ = try RuntimeProgram.compile(front.program)
    } catch {
      #expect(error.diagnostics.map(\.code) == [.runtimeCannotRun])
    }
  }

  @Test func aContractThatDoesNotCompileIsReported() throws {
    let front = Frontend.analyze(SourceFile(path: "t.hop", text: "message m\ncontract C { state s { !m -> s; } }\nmain() {}"))
    do {
      _ = try RuntimeProgram.compile(front.program)
      Issue.record("a contract without an initial state compiled")
    } catch {
      #expect(error.diagnostics.map(\.code.rawValue) == ["HH302"])
    }
  }
}
