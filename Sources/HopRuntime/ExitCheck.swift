import HopLogic
import HopSyntax

/// The check at the end of a sync run: the whole heap must be exactly the
/// procedure's postcondition plus the invariants of the resources (which
/// own the rest), with the final values of the parameters and globals.
struct ExitCheck {
  let program: RuntimeProgram
  let procedure: CompiledProcedure
  let machine: Machine
  let finalSlots: [Int]
  let existentials: [String: Int]

  func run() -> RunResult {
    guard case .procedure(let declaration) = procedure.declaration else { return .completed }
    let post = declaration.postcondition
    guard let disjuncts = Self.formula(post, program: program) else { return .completed }
    let slots = Dictionary(procedure.slotNames.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let checker = ModelChecker(program: program, heap: machine.heap) { name in
      if let slot = slots[name], slot < finalSlots.count { return finalSlots[slot] }
      if let global = program.globalIndex[name] { return machine.globals[global] }
      return existentials[name]
    }
    let range = post?.range ?? SourceRange(start: max(declaration.range.start, declaration.range.end - 1),
                                          end: declaration.range.end)
    let trace = machine.recordedTrace()
    switch checker.check(disjuncts) {
    case .holds:
      return .completed
    case .leak(let addresses):
      let shown = addresses.prefix(8).map(String.init).joined(separator: ", ") + (addresses.count > 8 ? ", ..." : "")
      return .fault(Fault(kind: .leak, range: range, thread: 0,
                          message: "at the end of '\(procedure.name)', "
                            + (addresses.count == 1 ? "1 allocated address is" : "\(addresses.count) allocated addresses are")
                            + " not described by the postcondition: \(shown)", trace: trace))
    case .fails(let reason):
      return .fault(Fault(kind: .postconditionFailed, range: range, thread: 0,
                          message: "at the end of '\(procedure.name)': \(reason)", trace: trace))
    }
  }

  /// `assertion` (emp when nil) starred with every resource invariant, as disjuncts; nil when it cannot be translated.
  static func formula(_ assertion: Assertion?, program: RuntimeProgram) -> [SymbolicHeap]? {
    var disjuncts: [SymbolicHeap] = [.emp]
    if let assertion {
      guard let heaps = try? AssertionTranslation.heaps(assertion) else { return nil }
      disjuncts = heaps
    }
    for resource in program.resources {
      guard let heaps = try? AssertionTranslation.heaps(resource.invariant) else { return nil }
      disjuncts = disjuncts.flatMap { d in heaps.map { d * $0 } }
    }
    return disjuncts
  }
}
