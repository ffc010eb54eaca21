/// The `resources` family: a one-place buffer `buf` protecting `c` (and
/// sometimes `g`), set up by `init`, whose invariant may also read a
/// global `g` that it does not protect. Producers and consumers use it
/// through `with ... when`; `shadow` has a parameter named like a global of
/// the invariant; `main` puts, takes, writes `g` outside any `with` and
/// calls `init` again. Only the procedures `main` calls are in the program.
/// A program is valid when every cell that enters the buffer is owned by
/// exactly one side at every moment, which a write of `g` outside the
/// resource, a shadowed name or a second `init` can break: the run then
/// shows a leak or a dispose of a cell not owned.
extension RandomSyncProgram {
  static func resources<R: RandomNumberGenerator>(using random: inout R) -> String {
    let invariants = [
      "if c == NULL then emp else c |-> ",
      "if c == NULL then emp else c |-> ",
      "if g == 0 then emp else c |-> ",
      "if c == NULL then g == 0 else c |-> ",
    ]
    let protects = Int.random(in: 0..<3, using: &random) == 0 ? "c, g" : "c"
    let invariant = invariants.randomElement(using: &random)!
    let flag = invariant.hasPrefix("if g")
    let (full, empty) = flag ? ("g != 0", "g == 0") : ("c != NULL", "c == NULL")
    let fill = flag ? "c = x; g = 1;" : "c = x;"
    let drain = flag ? "y = c; c = NULL; g = 0;" : "y = c; c = NULL;"
    let when = Int.random(in: 0..<4, using: &random) == 0 ? "true" : empty
    let helpers: [(name: String, text: String)] = [
      ("put", "put(x) [x |-> ] {\n  with buf when (\(when)) { \(fill) }\n} [emp]"),
      ("get", "get(y;) [emp] {\n  with buf when (\(full)) { \(drain) }\n} [y |-> ]"),
      // A parameter named like a global of the invariant: inside `with`, the invariant still means the global.
      ("shadow", flag ? "shadow(g) [emp] {\n  local y;\n  with buf when (g != 0) { y = c; c = NULL; g = 0; }\n  dispose y;\n} [emp]"
        : "shadow(c) [emp] {\n  with buf when (c != NULL) { dispose c; c = NULL; }\n} [emp]"),
      ("setg(", "setg(v) [emp] {\n  g = v;\n} [emp]"),
      ("setgin", "setgin(v) [emp] {\n  with buf when (true) { g = v; }\n} [emp]"),
    ]
    var body: [String] = []
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      switch Int.random(in: 0..<12, using: &random) {
      case 0, 1: body.append("x = new(); put(x);")
      case 2: body.append("get(y;); dispose y;")
      case 3, 4: body.append("x = new(); put(x) || get(y;); dispose y;")
      case 5: body.append("setg(\(Int.random(in: 0...1, using: &random)));")
      case 6: body.append("setgin(\(Int.random(in: 0...1, using: &random)));")
      case 7: body.append(Bool.random(using: &random) ? "init();" : "x = new(); put(x); init();")
      case 8: body.append("shadow(\(Int.random(in: 0...1, using: &random)));")
      case 9: body.append("x = new(); put(x) || setg(0);")
      case 10: body.append("with buf when (\(full)) { \(drain) } dispose y;")
      default: body.append("g = \(Int.random(in: 0...1, using: &random));")
      }
    }
    let calls = body.joined()
    var text = "tl;\n\ninit() {\n  c = NULL;\n  g = 0;\n}\n\nresource buf(\(protects)) [\(invariant)]\n\n"
    for helper in helpers where calls.contains(helper.name) { text += helper.text + "\n\n" }
    text += "main() [emp] {\n  local x, y;\n" + body.map { "  \($0)\n" }.joined() + "} [emp]\n"
    return text
  }
}
