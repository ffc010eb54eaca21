import HopLogic
import HopSyntax

/// Builds random concrete states that satisfy a procedure's precondition
/// (with the resource invariants, which own the rest of the heap): lists,
/// segments, trees and doubly linked segments of random sizes, channels from
/// `open` for endpoint pairs. Every built state is checked by the
/// `ModelChecker` before it is used, so a state that misses a pure fact is
/// simply built again (a bounded number of times).
///
/// `main` of a file with `init` starts where `init` leaves off (decision 35):
/// `init` runs first, from an empty heap, and only main's own precondition is built.
/// `init` itself starts without the invariants, which it must establish.
public struct InputGenerator {
  let program: RuntimeProgram
  var random: SeededRandom
  /// Segments and trees get 0 ... `maximumSize` cells.
  public var maximumSize = 6
  /// Builds tried before giving up.
  public var attempts = 50

  public init(program: RuntimeProgram, random: SeededRandom) {
    self.program = program
    self.random = random
  }

  /// A built state, and the random source after building it (the run continues from it).
  public struct Built: Sendable {
    public var state: InitialState
    public var random: SeededRandom
  }

  /// Why no state was built: the run is skipped, not a fault.
  public struct Failure: Error, Sendable {
    public var reason: String
  }

  public func build(for procedure: CompiledProcedure) -> Result<Built, Failure> {
    guard case .procedure(let declaration) = procedure.declaration else {
      return .failure(Failure(reason: "'\(procedure.name)' is async; its inputs are the globals of main"))
    }
    var prelude: [Int] = []
    var formula: [SymbolicHeap]
    if procedure.name == "main", let initIndex = program.procedureIndex["init"], !program.procedures[initIndex].isAsync {
      prelude = [initIndex]
      guard let own = ExitCheck.formula(declaration.precondition, program: program.withoutResources) else {
        return .failure(Failure(reason: "the precondition cannot be translated to the logic"))
      }
      let globals = Set(own.flatMap(\.freeVariables).map(\.name)).intersection(program.globals)
      guard globals.isEmpty else {
        return .failure(Failure(reason: "main's precondition speaks of globals (\(globals.sorted().joined(separator: ", "))) "
                                  + "that init sets; such inputs are not built"))
      }
      formula = own
    } else {
      // `init` establishes the invariants, so it starts without them; every other procedure starts with them.
      let resources = procedure.name == "init" ? program.withoutResources : program
      guard let all = ExitCheck.formula(declaration.precondition, program: resources) else {
        return .failure(Failure(reason: "the precondition cannot be translated to the logic"))
      }
      formula = all
    }
    guard !formula.isEmpty else { return .failure(Failure(reason: "the precondition is false")) }
    var random = self.random
    var lastReason = "no state satisfying the precondition was found"
    for _ in 0..<attempts {
      let disjunct = formula[random.below(formula.count)]
      var builder = StateBuilder(program: program, random: random, maximumSize: maximumSize)
      switch builder.build(disjunct, procedure: procedure) {
      case .failure(let failure):
        lastReason = failure.reason
        random = builder.random
        guard failure.retry else { return .failure(failure) }
      case .success(var state):
        random = builder.random
        state.prelude = prelude
        let values = builder.values
        let checker = ModelChecker(program: program, heap: state.heap) { values[$0] }
        if checker.check([disjunct]) == .holds { return .success(Built(state: state, random: random)) }
        lastReason = "no state satisfying the precondition was found in \(attempts) tries"
      }
    }
    return .failure(Failure(reason: lastReason))
  }
}

extension RuntimeProgram {
  /// The same program with no resources (for formulas that must not include their invariants).
  var withoutResources: RuntimeProgram {
    var copy = self
    copy.resources = []
    return copy
  }
}

extension InputGenerator.Failure {
  /// False when trying again cannot help (the shape of the formula is the reason).
  var retry: Bool { !reason.hasPrefix("cannot build") }
}
