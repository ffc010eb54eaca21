@testable import HopChecker
import HopLogic
import HopProver
import HopSyntax
import Testing

/// The states after each command of `main` in `text`, run by the executor with the cut
/// (decision 84) or without it, and with cuts made from the block the last one left out
/// (decision 88) or by a walk; how many steps were cut, and how many cuts came from a block.
func mainStates(_ text: String, slicing: Bool, reusingCuts: Bool = true) throws
  -> (states: [[SymbolicHeap]], sliced: Int, fromBlock: Int) {
  let front = Frontend.analyze(SourceFile(path: "t.hop", text: text))
  let context = ProgramContext(front.program, prover: Prover())
  let main = try #require(front.program.declarations.compactMap { declaration -> ProcedureDecl? in
    if case .procedure(let procedure) = declaration, procedure.name.name == "main" { procedure } else { nil }
  }.first)
  var executor = SymbolicExecutor(context: context)
  executor.slicing = slicing
  executor.reusingCuts = reusingCuts
  executor.ownVariables = Set((main.parameters + main.locals).map(\.name))
  executor.locals = Set(main.locals.map(\.name))
  executor.procedureBody = main.body
  var current = [SymbolicHeap.emp]
  var states: [[SymbolicHeap]] = []
  for statement in main.body {
    current = try executor.run(statement, current)
    states.append(current)
  }
  return (states, executor.slicedSteps, executor.cutsFromBlock)
}
