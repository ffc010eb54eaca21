/// The `globals` family: globals read and written by procedures and by
/// their specifications, passed by reference, and touched by both sides of
/// a parallel call; only the procedures `main` calls are in the program.
/// `main(p)` owns one cell and frees it only if a global has a given value
/// at the end: the program is valid when the checker knows that value for
/// certain, which a race through a specification (one side's pre- or
/// postcondition reads a global the other side writes) or a global passed
/// by reference to a procedure that also reads it by name can make wrong.
extension RandomSyncProgram {
  static func globals<R: RandomNumberGenerator>(using random: inout R) -> String {
    func constant() -> Int { Int.random(in: -1...2, using: &random) }
    let (k, m) = (constant(), constant())
    // Procedures that write `g`, or only read it (in the body or in the specification only).
    var procedures: [String] = [
      "setg() [emp] {\n  g = \(k);\n} [\(Bool.random(using: &random) ? "g == \(k)" : "emp")]",
      "keep() [g == \(m)] {\n} [g == \(m)]",
      "copy(r;) [emp] {\n  r = g;\n} [r == g]",
      "bump(r;) [emp] {\n  r = g + 1;\n} [r == g + 1]",
      "reset(r;) [emp] {\n  r = \(k);\n} [r == \(k)]",
      "need(q) [g == \(m) * q |-> ] {\n  dispose q;\n} [g == \(m)]",
      "flip() [emp] {\n  if (g == \(k)) { g = \(m); } else { g = \(k); }\n} [emp]",
    ]
    if Bool.random(using: &random) { procedures.append("readh(r;) [emp] {\n  r = h;\n} [r == h]") }
    var body: [String] = []
    if Bool.random(using: &random) { body.append("g = \(constant());") }
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      switch Int.random(in: 0..<20, using: &random) {
      case 0, 1: body.append("g = \(constant());")
      case 2, 3: body.append("g = g + \(constant());")
      case 4, 5: body.append("h = g;")
      case 6, 7: body.append("setg();")
      case 8, 9: body.append("keep();")
      case 10: body.append("setg() || keep();")
      case 11: body.append("flip() || keep();")
      case 12: body.append("copy(x;) || setg();")
      case 13: body.append("bump(g;);")
      case 14: body.append("reset(g;);")
      case 15: body.append("copy(h;);")
      case 16, 17: body.append("x = g; bump(x;); g = x;")
      default: body.append("if (g == \(constant())) { g = \(constant()); }")
      }
    }
    let target = constant()
    switch Int.random(in: 0..<5, using: &random) {
    case 0: body.append("need(p) || setg();")
    case 1, 2: body.append("if (g == \(target)) { dispose p; }")
    default: body.append("if (h == \(target)) { dispose p; } else { dispose p; }")
    }
    let pre = ["p |-> ", "p |->  * g == \(constant())", "p |->  * h == \(constant())"].randomElement(using: &random)!
    let post = Bool.random(using: &random) ? "emp" : "if g == \(target) then emp else p |-> "
    // Only the procedures `main` calls.
    let calls = body.joined()
    procedures = procedures.filter { calls.contains(String($0.prefix { $0 != "(" }) + "(") }
    return "tl;\n\n" + procedures.map { $0 + "\n\n" }.joined()
      + "main(p) [\(pre)] {\n  local x;\n" + body.map { "  \($0)\n" }.joined() + "} [\(post)]\n"
  }
}
