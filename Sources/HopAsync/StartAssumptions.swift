import HopSMT
import HopSyntax

/// The state every procedure starts in and what it may assume there about
/// the pending instances (`Specifications.startInvariant`), made once per
/// program instead of once per procedure: with N procedures the invariant
/// has up to N conjuncts, and building it for each procedure cost N² (issue
/// 27 §2). Every procedure's run starts from this same state, with its own
/// constants made by a `FreshConstants` that continues this one's numbering,
/// so no name is made twice.
///
/// It also cuts the queries down (decision 80): a conjunct
/// `forall a. pending_f(a) ==> P̂_f(a)` (or `forall a. !pending_f(a)` before
/// `main`) holds when f's pending set is empty, so when nothing else in a
/// query mentions `pending_f`, the query without it has a model exactly when
/// the query with it does. `relevant` keeps the conjuncts whose pending set
/// the rest of the query reaches, through shared symbols, and drops the others.
final class StartAssumptions {
  let fresh: FreshConstants
  let state: AsyncState
  /// The invariant of a procedure the scheduler starts, and of `main` when it runs first and alone.
  private let scheduled: Result<[SMTTerm], any Error>
  private let alone: Result<[SMTTerm], any Error>?
  /// For each conjunct: the symbol of the pending set it is about, and the symbols it mentions.
  private var conjuncts: [SMTTerm: (trigger: SMTSymbol, symbols: Set<SMTSymbol>)] = [:]
  private var byTrigger: [SMTSymbol: [SMTTerm]] = [:]
  /// The symbols of each fact asked about so far (a run's facts recur in each of its queries).
  private var symbolCache: [SMTTerm: Set<SMTSymbol>] = [:]

  init(program: AsyncProgram, smt: SMTContext) {
    fresh = FreshConstants(smt: smt, program: program)
    state = fresh.state("")
    let specifications = Specifications(program: program, fresh: fresh)
    let state = self.state
    func build(_ startsAlone: Bool) -> Result<[(procedure: String, term: SMTTerm)], any Error> {
      Result { try specifications.startInvariant(startsAlone: startsAlone, in: state) }
    }
    let scheduled = build(false)
    let alone = program.procedure(named: "main") != nil && !program.mainIsPosted ? build(true) : nil
    self.scheduled = scheduled.map { $0.map(\.term) }
    self.alone = alone.map { $0.map { $0.map(\.term) } }
    for case .success(let invariant) in [scheduled, alone].compactMap({ $0 }) {
      for (procedure, conjunct) in invariant {
        let trigger = smt.symbol(of: state.pending[procedure]!)
        conjuncts[conjunct] = (trigger, smt.symbols(in: conjunct))
        byTrigger[trigger, default: []].append(conjunct)
      }
    }
  }

  /// What `procedure` may assume about the pending instances when it starts.
  func invariant(for procedure: AsyncProcedureDecl) throws -> [SMTTerm] {
    if procedure.name.name == "main", let alone { return try alone.get() }
    return try scheduled.get()
  }

  /// `facts` without the start conjuncts that cannot change whether they
  /// have a model (see the type's comment), in their order; `nil` when none can go.
  func relevant(_ facts: [SMTTerm]) -> [SMTTerm]? {
    var reached = Set<SMTSymbol>()
    var work: [SMTSymbol] = []
    func reach(_ symbols: Set<SMTSymbol>) {
      for symbol in symbols where reached.insert(symbol).inserted { work.append(symbol) }
    }
    var present = Set<SMTTerm>()
    for fact in facts {
      if conjuncts[fact] != nil {
        present.insert(fact)
        continue
      }
      reach(symbols(of: fact))
    }
    guard !present.isEmpty else { return nil }
    var kept = Set<SMTTerm>()
    while let symbol = work.popLast() {
      for conjunct in byTrigger[symbol] ?? [] where present.contains(conjunct) && kept.insert(conjunct).inserted {
        reach(conjuncts[conjunct]!.symbols)
      }
    }
    guard kept.count < present.count else { return nil }
    return facts.filter { conjuncts[$0] == nil || kept.contains($0) }
  }

  private func symbols(of fact: SMTTerm) -> Set<SMTSymbol> {
    if let known = symbolCache[fact] { return known }
    let symbols = fresh.smt.symbols(in: fact)
    symbolCache[fact] = symbols
    return symbols
  }
}
