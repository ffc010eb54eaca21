import HopLogic

/// The names one procedure's proof is shown with, kept from its first state
/// to its last. The checker's fresh names (`_x#s12`, and the `val#s3` of a
/// value received) are lettered `_a`, `_b`, ... in order of first display,
/// and each keeps its letter in every later state and remark: a letter that
/// returns is the same value, a new value gets a new letter (issue 25; per
/// state, `_a` was the old `x` on one line and the peer on the next). A
/// name the user wrote (`_v`) is shown as written, a proof's constant
/// `v'` (the value of `_v` that a loop or a specification keeps) as `_v`,
/// and no letter takes one of those names. Program variables used as
/// addresses anywhere in the proof compare with NULL, never 0, in every state.
public struct StateNames: Sendable {
  private var letters: [Variable: String] = [:]
  private var reserved: Set<String> = []
  private var next = 0
  /// The program variables that address a cell, an endpoint or a predicate's argument in some state.
  public private(set) var addresses: Set<Variable> = []

  /// Names for a proof whose states and remarks are `heaps` (their written names are kept free of letters).
  public init(for heaps: [SymbolicHeap] = []) {
    for heap in heaps {
      for variable in heap.variables where !Self.isFresh(variable) {
        if variable.isExistential { reserved.insert(variable.name) }
        if let shown = Self.constantName(variable) { reserved.insert(shown) }
      }
      for atom in heap.spatial {
        addresses.formUnion(StateDisplay.addressVariables(atom).filter(Self.isProgramVariable))
      }
    }
  }

  /// Shows these variables as addresses too (what a command dereferences): compared with 0, they read NULL.
  public mutating func treatAsAddresses(_ variables: Set<Variable>) {
    addresses.formUnion(variables.filter(Self.isProgramVariable))
  }

  /// What `variable` is shown as: its letter, its written name, or the variable itself.
  public mutating func term(for variable: Variable) -> Term? {
    if let shown = Self.constantName(variable) { return .v(shown) }
    guard Self.isFresh(variable) else { return nil }
    if let letter = letters[variable] { return .v(letter) }
    var letter = Self.label(next)
    while reserved.contains(letter) {
      next += 1
      letter = Self.label(next)
    }
    next += 1
    letters[variable] = letter
    return .v(letter)
  }

  /// A name the checker made (`_x#s12`, `val#s3`, the prover's `_x#12`): no program or formula can write a `#`.
  static func isFresh(_ variable: Variable) -> Bool { variable.name.contains("#") }

  /// A variable of the program (not an existential, a fresh value or a proof's constant).
  public static func isProgramVariable(_ variable: Variable) -> Bool {
    !variable.isExistential && !isFresh(variable) && constantName(variable) == nil
  }

  /// `_v` for the constant `v'` a proof keeps for the written `_v`.
  private static func constantName(_ variable: Variable) -> String? {
    guard variable.name.hasSuffix("'"), !variable.isExistential, !isFresh(variable) else { return nil }
    return "_" + variable.name.dropLast()
  }

  private static func label(_ index: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    return "_" + String(letters[index % 26]) + (index >= 26 ? String(index / 26) : "")
  }
}
