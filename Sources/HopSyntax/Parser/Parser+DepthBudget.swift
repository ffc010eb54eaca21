/// The depth budget: no tree the parser returns is deeper than
/// `maximumDepth`, so every later stage that walks it recursively (resolver,
/// printer, dumper, translation to logic, the async encoder) stays far from
/// the end of the stack (docs/decisions.md, "depth budget").
///
/// Two things make trees deep. Nesting (parentheses, blocks, prefix
/// operators) recurses in the parser too, and `nested` counts it. A chain
/// of binary operators is built by a loop, each operator one level above
/// the last, so the loops check the height of what they build
/// (`requireDepth`). Chains of the associative `&&`, `||` and formula `*`
/// are built balanced instead (`balanced`), so `emp * emp * ...` of any
/// length is accepted with a depth of about log n.
extension Parser {
  /// Runs of an associative operator up to this many operands are built
  /// leaning left, as written; longer ones are split in halves.
  static let leftLeaningRun = 16

  /// Runs `body` one nesting level deeper; past `maximumDepth` the whole parse stops with HH011.
  mutating func nested<T>(_ body: (inout Parser) throws(ParseAbort) -> T) throws(ParseAbort) -> T {
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maximumDepth {
      throw tooDeep("nesting is deeper than the limit of \(Self.maximumDepth) levels", at: current.range)
    }
    return try body(&self)
  }

  /// Fails with HH011 at `place` (the operator that made it) when a tree of
  /// `height` levels, built at the current nesting, is deeper than the limit.
  mutating func requireDepth(_ height: Int, at place: SourceRange) throws(ParseAbort) {
    guard depth + height > Self.maximumDepth else { return }
    throw tooDeep("this operator makes the expression deeper than the limit of \(Self.maximumDepth) levels",
                  at: place)
  }

  private mutating func tooDeep(_ message: String, at place: SourceRange) -> ParseAbort {
    diagnostics.append(Diagnostic(
      code: .nestingTooDeep, message: message, range: place,
      notes: [.init("hophop stopped parsing this file here; each operator of a chain of '+', '-', '==', ... "
                    + "counts one level: split the construct, e.g. with parentheses or a local variable")]))
    return .fatal
  }

  /// `&&` and `||`: their chains are built balanced and printed without inner parentheses.
  static func isAssociative(_ op: BinaryOperator) -> Bool { op == .and || op == .or }

  /// The operands of `expression` as a chain of `op`: itself, or (when it is
  /// an `op` node, e.g. written in parentheses) the operands of its chain.
  static func operands(of expression: Expression, chainOf op: BinaryOperator) -> [Expression] {
    var result: [Expression] = []
    var pending = [expression]
    while let next = pending.popLast() {
      if case .binary(op, let left, let right) = next.kind {
        pending.append(right)
        pending.append(left)
      } else {
        result.append(next)
      }
    }
    return result
  }

  /// The operands of `assertion` as a chain of `*`.
  static func operands(ofStar assertion: Assertion) -> [Assertion] {
    var result: [Assertion] = []
    var pending = [assertion]
    while let next = pending.popLast() {
      if case .star(let left, let right) = next.kind {
        pending.append(right)
        pending.append(left)
      } else {
        result.append(next)
      }
    }
    return result
  }

  /// The canonical tree of a chain: leaning left up to `leftLeaningRun`
  /// operands, else the two halves joined. The printer prints any tree of
  /// the chain flat, and parsing that gives back this tree.
  static func balanced<Node>(_ operands: ArraySlice<Node>, _ join: (Node, Node) -> Node) -> Node {
    if operands.count <= leftLeaningRun {
      var result = operands[operands.startIndex]
      for operand in operands.dropFirst() { result = join(result, operand) }
      return result
    }
    let middle = operands.startIndex + operands.count / 2
    return join(balanced(operands[..<middle], join), balanced(operands[middle...], join))
  }

  static func balanced(_ operands: [Expression], _ op: BinaryOperator) -> Expression {
    balanced(operands[...]) { Expression(.binary(op, $0, $1), range: $0.range.union($1.range)) }
  }

  static func balancedStar(_ operands: [Assertion]) -> Assertion {
    balanced(operands[...]) { Assertion(.star($0, $1), range: $0.range.union($1.range)) }
  }
}
