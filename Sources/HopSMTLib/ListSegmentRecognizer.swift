/// Recognises, by structure only, the recursive definitions that mean an
/// acyclic list segment, whatever their names:
///
///     (define-fun-rec P ((in L) (out L)) Bool
///       (or (and (= in out) emp)
///           (exists ((u L)) (and (distinct in out) (sep (pto in (C .. u ..)) (P u out))))))
///
/// up to the order of the arguments of `or`, `and`, `sep`, `=` and
/// `distinct`. The other fields of `C` must be variables of the same `exists`
/// (their values are unconstrained). Anything else is not a list segment.
struct ListSegmentRecognizer {
  var constructors: [String: [String]]

  func recognise(name: String, parameters: [String], body: SExpression) -> ListSegmentDefinition? {
    guard parameters.count == 2, parameters[0] != parameters[1] else { return nil }
    let (input, output) = (parameters[0], parameters[1])
    guard body.head == "or", let cases = body.list, cases.count == 3 else { return nil }
    for (base, step) in [(cases[1], cases[2]), (cases[2], cases[1])] where isBase(base, input, output) {
      if let field = stepField(step, name, input, output) { return ListSegmentDefinition(name: name, field: field) }
    }
    return nil
  }

  private func isPair(_ node: SExpression, _ head: String, _ a: String, _ b: String) -> Bool {
    guard node.head == head, let items = node.list, items.count == 3 else { return false }
    let pair = [items[1].symbol, items[2].symbol]
    return pair == [a, b] || pair == [b, a]
  }

  /// `(and (= in out) emp)` in either order.
  private func isBase(_ node: SExpression, _ input: String, _ output: String) -> Bool {
    guard node.head == "and", let items = node.list, items.count == 3 else { return false }
    return (isPair(items[1], "=", input, output) && items[2].isEmp)
      || (isPair(items[2], "=", input, output) && items[1].isEmp)
  }

  /// The next-field of `(exists ((u L) ...) (and (distinct in out) (sep (pto in (C ..u..)) (P u out))))`.
  private func stepField(_ node: SExpression, _ name: String, _ input: String, _ output: String) -> String? {
    guard node.head == "exists", let items = node.list, items.count == 3, let declared = items[1].list else { return nil }
    let quantified = declared.compactMap { $0.list?.first?.symbol }
    guard quantified.count == declared.count, !quantified.contains(input), !quantified.contains(output) else { return nil }
    let conjunction = items[2]
    guard conjunction.head == "and", let parts = conjunction.list, parts.count == 3 else { return nil }
    let separated: SExpression
    if isPair(parts[1], "distinct", input, output) {
      separated = parts[2]
    } else if isPair(parts[2], "distinct", input, output) {
      separated = parts[1]
    } else {
      return nil
    }
    guard separated.head == "sep", let pieces = separated.list, pieces.count == 3 else { return nil }
    for (cell, call) in [(pieces[1], pieces[2]), (pieces[2], pieces[1])] {
      guard cell.head == "pto", let pto = cell.list, pto.count == 3, pto[1].symbol == input,
            let application = pto[2].list, let constructor = application.first?.symbol,
            let fields = constructors[constructor], fields.count == application.count - 1 else { continue }
      guard call.head == name, let recursive = call.list, recursive.count == 3, recursive[2].symbol == output,
            let next = recursive[1].symbol, quantified.contains(next) else { continue }
      let values = application.dropFirst().map(\.symbol)
      // `u` exactly once; every other field a distinct quantified variable other than `u`.
      guard values.filter({ $0 == next }).count == 1 else { continue }
      let others = values.filter { $0 != next }
      guard others.allSatisfy({ $0 != nil && quantified.contains($0!) }), Set(others).count == others.count else { continue }
      return fields[values.firstIndex(of: next)!]
    }
    return nil
  }
}
