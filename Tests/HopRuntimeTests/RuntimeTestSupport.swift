import HopRuntime
import HopSyntax
import Testing

/// Compiles a program text for the runtime; the text must parse and resolve.
func compiled(_ text: String) throws -> RuntimeProgram {
  let front = Frontend.analyze(SourceFile(path: "t.hop", text: text))
  #expect(front.diagnostics.filter { $0.severity == .error }.isEmpty, "\(front.diagnostics)")
  return try RuntimeProgram.compile(front.program)
}

/// `runs` runs of `procedure` from seed 1.
func campaign(_ text: String, procedure: String = "main", runs: Int = 200,
              maxSteps: Int = 10_000) throws -> RunCampaign {
  RunCampaign.run(program: try compiled(text), procedure: procedure,
                  options: .init(seed: 1, runs: runs, maxSteps: maxSteps))
}
