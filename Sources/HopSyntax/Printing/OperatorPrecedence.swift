/// The two precedence tables of the Hop language (docs/language.md §1.2 and §3.2).
///
/// Programs of sync procedures follow Smallfoot's table (where `*` is as
/// loose as `&&`); everything in async procedures follows the first-order
/// table. The printer uses these to put back exactly the parentheses the
/// parser needs. Higher numbers bind tighter.
public enum OperatorPrecedence: Sendable {
  case smallfoot
  case firstOrder

  /// Binding strength of an infix operator.
  public func level(of op: BinaryOperator) -> Int {
    switch (self, op) {
    case (_, .implies): 0
    case (_, .or): 1
    case (.smallfoot, .and), (.smallfoot, .times): 2
    case (.smallfoot, .equal), (.smallfoot, .notEqual): 3
    case (.smallfoot, .less), (.smallfoot, .lessEqual), (.smallfoot, .greater), (.smallfoot, .greaterEqual): 4
    case (.smallfoot, .plus), (.smallfoot, .minus): 5
    case (.smallfoot, .xor), (.smallfoot, .divide), (.smallfoot, .modulo): 6
    case (.firstOrder, .and): 2
    case (.firstOrder, .equal), (.firstOrder, .notEqual), (.firstOrder, .less), (.firstOrder, .lessEqual),
         (.firstOrder, .greater), (.firstOrder, .greaterEqual): 4
    case (.firstOrder, .plus), (.firstOrder, .minus): 5
    case (.firstOrder, .times), (.firstOrder, .divide), (.firstOrder, .modulo), (.firstOrder, .xor): 6
    }
  }

  /// Only `==>` groups to the right; every other infix operator groups to the left.
  public func isRightAssociative(_ op: BinaryOperator) -> Bool { op == .implies }
}
