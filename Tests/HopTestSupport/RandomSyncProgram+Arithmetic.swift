/// The `arithmetic` family: C's integer arithmetic in a sync procedure.
/// `main(a, b)` owns one cell `p`, computes two locals from its value
/// parameters and constants (`+ - * / %`, negative numbers, now and then a
/// constant near 2^63), and disposes `p` in the branch of a condition on
/// them (comparisons, `&& || !`), maybe after a loop. The program is valid when the branch
/// taken is decided right in every state: truncating division and
/// remainder, a divisor that may be 0, an overflow are where a checker
/// with the wrong arithmetic proves a program that leaks or faults.
extension RandomSyncProgram {
  static func arithmetic<R: RandomNumberGenerator>(using random: inout R) -> String {
    func constant() -> String {
      switch Int.random(in: 0..<12, using: &random) {
      case 0: return "9223372036854775807"
      case 1: return "-9223372036854775807"
      case 2, 3: return "-\(Int.random(in: 1...9, using: &random))"
      default: return "\(Int.random(in: 0...9, using: &random))"
      }
    }
    func atom(_ names: [String]) -> String {
      Int.random(in: 0..<3, using: &random) == 0 ? names.randomElement(using: &random)! : constant()
    }
    func expression(_ names: [String], depth: Int) -> String {
      guard depth < 2, Int.random(in: 0..<3, using: &random) != 0 else { return atom(names) }
      let op = ["+", "-", "*", "/", "%", "/", "%"].randomElement(using: &random)!
      let left = expression(names, depth: depth + 1)
      // A divisor is mostly a constant other than 0, so that not every program divides by a value that may be 0.
      let right = (op == "/" || op == "%") && Int.random(in: 0..<3, using: &random) != 0
        ? ["-3", "-2", "2", "3", "7"].randomElement(using: &random)! : expression(names, depth: depth + 1)
      return Bool.random(using: &random) ? "\(left) \(op) \(right)" : "(\(left) \(op) \(right))"
    }
    func comparison(_ names: [String]) -> String {
      let op = ["==", "!=", "<", "<=", ">", ">="].randomElement(using: &random)!
      return "\(expression(names, depth: 1)) \(op) \(expression(names, depth: 1))"
    }
    func condition(_ names: [String]) -> String {
      switch Int.random(in: 0..<6, using: &random) {
      case 0: return "\(comparison(names)) && \(comparison(names))"
      case 1: return "\(comparison(names)) || \(comparison(names))"
      case 2: return "!(\(comparison(names)))"
      default: return comparison(names)
      }
    }
    let parameters = ["a", "b"]
    var pre = "p |-> "
    switch Int.random(in: 0..<4, using: &random) {
    case 0: pre += " * b != 0"
    case 1: pre += " * a == \(constant())"
    default: break
    }
    var body = ["x = \(expression(parameters, depth: 0));"]
    body.append("y = \(expression(parameters + ["x"], depth: 0));")
    if Bool.random(using: &random) { body.append("x = x \(["+", "-", "*", "/", "%"].randomElement(using: &random)!) y;") }
    let names = parameters + ["x", "y"]
    var post = Int.random(in: 0..<5, using: &random) == 0 ? "if \(atom(parameters)) == \(constant()) then emp else p |-> " : "emp"
    switch Int.random(in: 0..<7, using: &random) {
    case 6:
      // A dividend that is negative whatever `a` is, unknown to the prover: C truncates toward zero
      // (the remainder is never positive, `d * (x / d)` is never below x), Z3's `div` and `mod` are
      // Euclidean (the remainder is never negative), so a checker with the wrong ones keeps `p` in a
      // case that a run takes, or the other way round.
      let divisor = [-3, -2, 2, 3].randomElement(using: &random)!
      body.append("x = 0 - a - 1;")
      let test: String
      if Bool.random(using: &random) {
        body.append("y = x % \(divisor);")
        test = Bool.random(using: &random) ? "y < 0" : "y > 0"
      } else {
        body.append("y = x / \(divisor);")
        test = Bool.random(using: &random) ? "\(divisor) * y > x" : "\(divisor) * y < x"
      }
      body.append("if (\(test)) { dispose p; }")
      post = "p |-> "
    case 5:
      // C's division truncates: a checker that rounds down gets a negative quotient (or remainder) wrong.
      let dividend = Int.random(in: -9...9, using: &random), divisor = [-3, -2, 2, 3].randomElement(using: &random)!
      let divide = Bool.random(using: &random)
      let truncated = divide ? dividend / divisor : dividend % divisor
      let floored = divide ? Int((Double(dividend) / Double(divisor)).rounded(.down))
        : dividend - divisor * Int((Double(dividend) / Double(divisor)).rounded(.down))
      body.append("x = \(dividend) \(divide ? "/" : "%") \(divisor);")
      body.append("if (x == \(Bool.random(using: &random) ? truncated : floored)) { dispose p; }")
    case 4:
      // Past 2^63 - 1: positive in arithmetic, negative when the machine wraps around.
      body.append("x = 9223372036854775807 + \(Int.random(in: 1...3, using: &random));")
      body.append("if (x > 0) { dispose p; }")
    case 0: body.append("if (\(condition(names))) { dispose p; } else { dispose p; }")
    case 1: body.append("if (\(condition(names))) { dispose p; } else { }")
    case 2: body.append("if (\(condition(names))) { } else { dispose p; }")
    default:
      // A loop that ends (x halves towards a bound of 0 to 5); after it, only the negated condition is known.
      let bound = Int.random(in: 0...5, using: &random)
      let invariant = Bool.random(using: &random) ? "[p |-> ] " : ""  // without one, it is inferred
      body.append("while (x > \(bound)) \(invariant){ x = x / 2 - 1; y = y + 1; }")
      body.append("if (\(Bool.random(using: &random) ? condition(names) : "x <= \(bound)")) { dispose p; }")
    }
    return "tl;\n\nmain(a, b, p) [\(pre)] {\n  local x, y;\n" + body.map { "  \($0)\n" }.joined() + "} [\(post)]\n"
  }
}
