import HopLogic
import HopSyntax

/// Which of a procedure's own variables (parameters and locals) are live
/// after each of its commands: read by some command that may run later
/// before the variable is written again, named by a loop invariant that is
/// checked later, or still visible when the procedure returns (a reference
/// parameter, or a value parameter its postcondition names). `explain`
/// shows no facts about a dead variable: its value no longer matters.
/// Globals are always live (other procedures and invariants see them).
/// A classic backward analysis over the syntax, with loops iterated to a
/// fixed point; it only decides what is displayed, never what is proved.
public struct LiveVariables: Sendable {
  /// The procedure's own variables.
  public let own: Set<String>
  private var after: [Int: Set<String>] = [:]
  /// The variables live at the start of the body.
  public private(set) var atEntry: Set<String> = []

  public init(_ procedure: ProcedureDecl) {
    let parameters = procedure.referenceParameters + procedure.valueParameters
    own = Set((parameters + procedure.locals).map(\.name))
    let visible = Set(procedure.referenceParameters.map(\.name))
      .union(procedure.postcondition?.programVariables ?? []).intersection(own)
    atEntry = live(procedure.body, visible)
  }

  /// The own variables that are dead after the command (or receive) starting at `offset` (none when unknown).
  public func dead(after offset: Int) -> Set<Variable> {
    guard let live = after[offset] else { return [] }
    return Set(own.subtracting(live).map(Variable.init))
  }

  /// The own variables dead at the start of the body.
  public var deadAtEntry: Set<Variable> { Set(own.subtracting(atEntry).map(Variable.init)) }

  private mutating func live(_ statements: [Statement], _ out: Set<String>) -> Set<String> {
    statements.reversed().reduce(out) { live($1, $0) }
  }

  /// The variables live before `statement`, given those live after it (recorded for it and what it contains).
  private mutating func live(_ statement: Statement, _ out: Set<String>) -> Set<String> {
    after[statement.range.start, default: []].formUnion(out)
    let reads = Set(statement.directlyEvaluatedExpressions.flatMap(\.variableNames))
    switch statement.kind {
    case .block(let statements):
      return live(statements, out)
    case .ifThenElse(_, let then, let otherwise):
      let whenFalse = if let otherwise { live(otherwise, out) } else { out }
      return reads.union(live(then, out)).union(whenFalse)
    case .whileLoop(_, let invariant, let body):
      var head = out.union(reads).union(Self.variables(invariant))
      while true {
        let next = head.union(live(body, head))
        if next == head { return head }
        head = next
      }
    case .withResource(_, _, let body):
      return reads.union(live(body, out))
    case .switchReceive(let cases):
      var before = reads
      for branch in cases {
        var inside = live(branch.body, out)
        after[branch.receive.range.start, default: []].formUnion(inside)
        if let binding = branch.receive.binding { inside.remove(binding.name) }
        before.formUnion(inside)
      }
      return before
    default:
      return out.subtracting(statement.directlyAssignedVariables).union(reads)
    }
  }

  private static func variables(_ formula: Formula?) -> Set<String> {
    switch formula {
    case .separation(let assertion)?: assertion.programVariables
    case .firstOrder(let expression)?: expression.variableNames
    case nil: []
    }
  }
}
