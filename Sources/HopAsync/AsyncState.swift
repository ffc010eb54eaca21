import HopProver

/// One shared state of an async program, as SMT terms: the globals
/// (integers), one array per heap field (address → value), the allocation
/// set `valid` (address → bool), and for each procedure its pending set
/// (argument tuple → bool; a plain truth value for a procedure without
/// parameters).
struct AsyncState {
  var globals: [String: SMTTerm]
  var fields: [String: SMTTerm]
  var valid: SMTTerm
  var pending: [String: SMTTerm]

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

/// Makes fresh, readable constant names (`owner`, `owner@1`, ...) and
/// fresh states for one procedure's conditions.
final class FreshConstants {
  let smt: SMTContext
  private let program: AsyncProgram
  private var counters: [String: Int] = [:]

  init(smt: SMTContext, program: AsyncProgram) {
    self.smt = smt
    self.program = program
  }

  /// A constant not made before by this object: `base`, then `base@1`, `base@2`, ...
  func constant(_ base: String, _ sort: SMTSort) -> SMTTerm {
    let count = counters[base, default: 0]
    counters[base] = count + 1
    return smt.constant(count == 0 ? base : "\(base)@\(count)", sort)
  }

  /// A state whose every part is a fresh constant; `suffix` tells states apart in names.
  func state(_ suffix: String) -> AsyncState {
    AsyncState(
      globals: Dictionary(uniqueKeysWithValues: program.globals.map { ($0, constant("\($0)\(suffix)", .int)) }),
      fields: Dictionary(uniqueKeysWithValues: program.fields.map {
        ($0, constant("\($0)\(suffix)", .array(arity: 1, element: .int)))
      }),
      valid: constant("valid\(suffix)", .array(arity: 1, element: .bool)),
      pending: Dictionary(uniqueKeysWithValues: program.procedures.map { procedure in
        let arity = procedure.parameters.count
        let sort: SMTSort = arity == 0 ? .bool : .array(arity: arity, element: .bool)
        return (procedure.name.name, constant("pending_\(procedure.name.name)\(suffix)", sort))
      }))
  }

  /// `state` with the parts in `footprint` replaced by fresh constants (a loop's unknown iterations).
  func havoc(_ state: AsyncState, _ footprint: Footprint, suffix: String) -> AsyncState {
    let fresh = self.state(suffix)
    var result = state
    for name in footprint.variables where state.globals[name] != nil { result.globals[name] = fresh.globals[name] }
    for field in footprint.fieldsWritten { result.fields[field] = fresh.fields[field] }
    if footprint.allocation { result.valid = fresh.valid }
    for procedure in footprint.pending { result.pending[procedure] = fresh.pending[procedure] }
    return result
  }

  /// The facts every reachable state satisfies: `NULL` is never allocated.
  func axioms(_ state: AsyncState) -> [SMTTerm] {
    [smt.not(state.isValid(smt.integer(0), in: smt))]
  }
}
