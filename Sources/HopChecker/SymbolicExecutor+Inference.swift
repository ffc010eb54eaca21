import HopInference
import HopLogic
import HopProver
import HopSyntax

/// The fixpoint that infers the invariant of a loop written without one
/// (decision 75): from the states on entry, the body runs (this executor, the
/// same rules as the proof), the states at its end are abstracted
/// (`LoopAbstraction`) and joined with those known (`DisjunctiveJoin`), until
/// nothing new appears. The result is only a candidate: the loop rule then
/// checks it like a written invariant, so inference can cost completeness,
/// never soundness.
extension SymbolicExecutor {
  /// At most this many runs of the body before inference gives up.
  static let inferenceIterations = 12
  /// At most this many cases in an inferred invariant.
  static let inferenceCases = 8

  mutating func inferInvariant(_ condition: Expression, _ body: Statement, _ range: SourceRange,
                               _ states: [SymbolicHeap], assigned: Set<String>) -> LoopInference {
    let clock = ContinuousClock()
    let start = clock.now
    // The runs of the body below are a search, not the proof: nothing of them is shown.
    let recording = recorder
    recorder = nil
    let variables = Set(assigned.map(Variable.init))
    let abstraction = LoopAbstraction(assigned: variables)
    let join = DisjunctiveJoin(prover: prover, assigned: variables)
    // What the body assigns before it reads it is forgotten at the head (SymbolicExecutor+Liveness).
    let dead = deadAtHead(of: range, condition, body, assigned: assigned).sorted()
    var names = supply
    let abstract = { (state: SymbolicHeap) in
      let aliases = Self.aliases(among: dead, in: state)
      return abstraction.abstract(Self.resolving(aliases, in: state).forgetting(aliases, &names).simplified)
    }
    var known = join.join(states.map(abstract))
    var frontier = known
    var result = LoopInference.Result.gaveUp("the states still grew after \(Self.inferenceIterations) runs of the body")
    var iterations = 0
    search: while iterations < Self.inferenceIterations {
      iterations += 1
      let ends: [SymbolicHeap]
      do throws(ProofStop) {
        ends = try run(body, try assume(condition, holds: true, in: frontier.map { opened($0) }))
      } catch {
        switch error {
        case .failed(let diagnostic), .undecided(let diagnostic):
          result = .bodyFails(known, "the body fails from a state inference reached: \(diagnostic.message) [\(diagnostic.code)]")
        }
        break search
      }
      let new = ends.map(abstract)
      let joined = join.join(known + new)
      frontier = joined.filter { !known.contains($0) }
      if frontier.isEmpty || join.isCovered(new, by: known) {
        let formula = InvariantFormula(prover: prover)
        if let text = formula.text(known) {
          result = .inferred(known, formula: text)
        } else if let single = coarseInvariant(known, condition, body, range, states) {
          // Cases no comparison tells apart: one coarser case the loop rule proves (decision 81).
          result = .inferred([single], formula: formula.text([single]))
        } else {
          result = .inferred(known, formula: nil)
        }
        break search
      }
      known = joined
      if known.count > Self.inferenceCases {
        result = .gaveUp("more than \(Self.inferenceCases) cases")
        break search
      }
    }
    recorder = recording
    return LoopInference(procedure: "", range: range, conditionEnd: condition.range.end, result: result,
                         iterations: iterations, elapsed: clock.now - start)
  }

  /// At most this many coarser single cases are tried with the loop rule.
  static let coarseCandidates = 8

  /// One case covering the inferred `cases` (`CoarseJoin`) that the unchanged loop rule proves from
  /// `states`, tried on a copy of this executor (nothing of the attempt is kept), or nil when none is proved.
  mutating func coarseInvariant(_ cases: [SymbolicHeap], _ condition: Expression, _ body: Statement,
                                _ range: SourceRange, _ states: [SymbolicHeap]) -> SymbolicHeap? {
    let join = CoarseJoin(kept: Set(condition.variableNames.map(Variable.init)))
    for candidate in join.candidates(cases).prefix(Self.coarseCandidates) {
      var trial = self
      trial.recorder = nil
      do throws(ProofStop) {
        _ = try trial.loop(condition, invariant: [candidate], inferred: true, body, range, states)
        return candidate
      } catch {
        continue
      }
    }
    return nil
  }

  /// The variables of `names` that `state` says equal to another program variable or a constant:
  /// forgetting one loses nothing the other does not say (`n == i` after reversal's step), while a
  /// dead variable that alone names a cell (a walk's previous cell `y`) is kept.
  static func aliases(among names: [String], in state: SymbolicHeap) -> [String] {
    names.filter { name in
      state.pure.contains { fact in
        guard case .equal(let a, let b) = fact else { return false }
        let (mine, other) = a == .v(name) ? (a, b) : (b, a)
        return mine == .v(name) && other.isAtomic && other != mine && !other.variables.contains(where: \.isExistential)
      }
    }
  }

  /// The state with each of `aliases` replaced, everywhere but in the fact that names its value, by that
  /// value (an equivalent state), so that forgetting the alias then loses nothing else: after xlseg.sf's
  /// first step `x == _u ^ t * t == 0` becomes `x == _u ^ 0`, not a fact about a forgotten value.
  static func resolving(_ aliases: [String], in state: SymbolicHeap) -> SymbolicHeap {
    var state = state
    for name in aliases {
      let alias = Term.v(name)
      guard let index = state.pure.firstIndex(where: { fact in
        guard case .equal(let a, let b) = fact else { return false }
        let other = a == alias ? b : b == alias ? a : alias
        return other != alias && other.isAtomic && !other.variables.contains(where: \.isExistential)
      }), case .equal(let a, let b) = state.pure[index] else { continue }
      let substitution = [Variable(name): a == alias ? b : a]
      state.pure = state.pure.enumerated().map { $0.offset == index ? $0.element : $0.element.substituting(substitution) }
      state.spatial = state.spatial.map { $0.substituting(substitution) }
    }
    return state
  }

  /// The invariant as `explain` shows it: the Hop formula, or its cases when no formula says them.
  static func describe(_ heaps: [SymbolicHeap], formula: String?) -> String {
    formula ?? heaps.map(InvariantFormula.text).joined(separator: "  or  ")
  }
}
