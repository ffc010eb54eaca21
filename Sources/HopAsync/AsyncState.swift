import HashTreeCollections
import HopSMT
import HopSyntax

/// One shared state of an async program, as SMT terms: the globals
/// (integers), one array per heap field (address → value), the allocation
/// set `valid` (address → bool), and for each procedure its pending set
/// (argument tuple → bool; a plain truth value for a procedure without
/// parameters).
struct AsyncState {
  /// Persistent maps (`TreeDictionary`): a state is copied with one entry changed for every
  /// assignment, post and instance start, so a copy must not cost the number of globals or
  /// procedures (with plain dictionaries, N procedures cost N³).
  var globals: TreeDictionary<String, SMTTerm>
  var fields: TreeDictionary<String, SMTTerm>
  var valid: SMTTerm
  var pending: TreeDictionary<String, SMTTerm>

  /// `pending_f(arguments)` in this state.
  func isPending(_ procedure: String, _ arguments: [SMTTerm], in smt: SMTContext) -> SMTTerm {
    guard let set = pending[procedure] else { return smt.boolean(false) }
    return arguments.isEmpty ? set : smt.select(set, arguments)
  }

  /// This state with `procedure(arguments)` added to (or removed from) the pending set.
  func settingPending(_ procedure: String, _ arguments: [SMTTerm], to value: Bool, in smt: SMTContext) -> AsyncState {
    guard let set = pending[procedure] else { return self }
    var copy = self
    copy.pending[procedure] = arguments.isEmpty ? smt.boolean(value) : smt.store(set, arguments, smt.boolean(value))
    return copy
  }

  /// `valid(address)` in this state.
  func isValid(_ address: SMTTerm, in smt: SMTContext) -> SMTTerm {
    smt.select(valid, [address])
  }
}

/// What a loop keeps of the state it changes, as facts about one address.
typealias KeptFacts = (_ address: SMTTerm) -> [SMTTerm]

/// Makes fresh, readable constant names (`owner`, `owner@1`, ...) and
/// fresh states for one procedure's conditions.
final class FreshConstants {
  let smt: SMTContext
  private let program: AsyncProgram
  private var counters: [String: Int] = [:]
  /// The object whose numbering this one continues (`StartAssumptions`): it must make no
  /// constant after this one is made, so that no name is made twice.
  private let parent: FreshConstants?

  init(smt: SMTContext, program: AsyncProgram) {
    self.smt = smt
    self.program = program
    parent = nil
  }

  /// Fresh constants that continue `parent`'s numbering, which must make no more.
  init(continuing parent: FreshConstants) {
    smt = parent.smt
    program = parent.program
    self.parent = parent
  }

  private func count(_ base: String) -> Int {
    counters[base] ?? parent?.count(base) ?? 0
  }

  /// A constant not made before by this object: `base`, then `base@1`, `base@2`, ...
  func constant(_ base: String, _ sort: SMTSort) -> SMTTerm {
    let count = count(base)
    counters[base] = count + 1
    return smt.constant(count == 0 ? base : "\(base)@\(count)", sort)
  }

  /// A state whose every part is a fresh constant; `suffix` tells states apart in names.
  func state(_ suffix: String) -> AsyncState {
    AsyncState(
      globals: TreeDictionary(uniqueKeysWithValues: program.globals.map { ($0, global($0, suffix)) }),
      fields: TreeDictionary(uniqueKeysWithValues: program.fields.map { ($0, field($0, suffix)) }),
      valid: valid(suffix),
      pending: TreeDictionary(uniqueKeysWithValues: program.procedures.map { ($0.name.name, pending($0, suffix)) }))
  }

  private func global(_ name: String, _ suffix: String) -> SMTTerm { constant("\(name)\(suffix)", .int) }
  private func field(_ name: String, _ suffix: String) -> SMTTerm {
    constant("\(name)\(suffix)", .array(arity: 1, element: .int))
  }
  private func valid(_ suffix: String) -> SMTTerm { constant("valid\(suffix)", .array(arity: 1, element: .bool)) }
  private func pending(_ procedure: AsyncProcedureDecl, _ suffix: String) -> SMTTerm {
    let arity = procedure.parameters.count
    let sort: SMTSort = arity == 0 ? .bool : .array(arity: arity, element: .bool)
    return constant("pending_\(procedure.name.name)\(suffix)", sort)
  }

  /// `state` with the parts in `footprint` replaced by fresh constants (a
  /// loop's unknown iterations), and what is known of the new parts at any
  /// one address (`kept`).
  ///
  /// A `new()` changes every field at the address it returns, which may be
  /// any address not allocated at that time: so when the loop allocates,
  /// every field array is replaced too. Without `dispose` in the loop the
  /// addresses allocated at entry stay allocated and are never returned by
  /// `new()`, so a field not written keeps its values there; with `dispose`,
  /// any address may be freed and handed out again, and nothing is kept.
  /// Likewise the allocation set only grows without `dispose` and only
  /// shrinks without `new()`. `kept` says this of one address, to be
  /// instantiated at the addresses a query is about: a fact quantified over
  /// all addresses makes Z3 slow to find counterexamples.
  func havoc(_ state: AsyncState, _ footprint: Footprint,
             suffix: String) -> (state: AsyncState, kept: KeptFacts) {
    // Only the parts the loop changes are made fresh: a loop costs what it writes, not the program's size.
    var result = state
    for name in footprint.variables.sorted() where state.globals[name] != nil {
      result.globals[name] = global(name, suffix)
    }
    var keptFields: [String] = []
    for field in state.fields.keys.sorted() where footprint.fieldsWritten.contains(field) || footprint.allocates {
      result.fields[field] = self.field(field, suffix)
      if !footprint.fieldsWritten.contains(field) && !footprint.frees { keptFields.append(field) }
    }
    if footprint.allocation { result.valid = valid(suffix) }
    for procedure in program.procedures where footprint.pending.contains(procedure.name.name) {
      result.pending[procedure.name.name] = pending(procedure, suffix)
    }
    let smt = self.smt, before = state, after = result, allocation = footprint.allocation
    let grows = !footprint.frees, shrinks = !footprint.allocates
    return (result, { address in
      var facts: [SMTTerm] = []
      let wasValid = before.isValid(address, in: smt), isValid = after.isValid(address, in: smt)
      for field in keptFields {
        facts.append(smt.implies(wasValid, smt.equal(smt.select(after.fields[field]!, [address]),
                                                     smt.select(before.fields[field]!, [address]))))
      }
      if allocation && grows { facts.append(smt.implies(wasValid, isValid)) }
      if allocation && shrinks { facts.append(smt.implies(isValid, wasValid)) }
      return facts
    })
  }

  /// The facts every reachable state satisfies: `NULL` is never allocated.
  func axioms(_ state: AsyncState) -> [SMTTerm] {
    [smt.not(state.isValid(smt.integer(0), in: smt))]
  }
}
