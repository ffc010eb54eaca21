/// The generated programs of issue 27's table, each a family indexed by its size N, so
/// that `hophop-bench scaling` can show how a cost grows (the async ones are
/// `AsyncGeneratedProgram`'s). Every program is valid: a
/// verdict other than "valid" in the table is a bug, not a figure.
enum ScalingWorkloads {
  /// A `main` that allocates N cells, passes each to a call, then disposes of them:
  /// N live cells at each of N calls, so frame inference at a call is timed.
  static func calls(_ n: Int) -> String {
    var text = "tl;\nuse(x) [x |-> tl: NULL] { x->tl = NULL; } [x |-> tl: NULL]\nmain() {\n"
    text += "  local " + (0..<n).map { "x\($0)" }.joined(separator: ", ") + ";\n"
    for i in 0..<n { text += "  x\(i) = new(); x\(i)->tl = NULL;\n" }
    for i in 0..<n { text += "  use(x\(i));\n" }
    for i in 0..<n { text += "  dispose x\(i);\n" }
    return text + "}\n"
  }

  /// A procedure whose pre- and postcondition are the same chain of N explicit cells
  /// (`x |-> tl: _c1 * _c1 |-> tl: _c2 * …`) and whose body is empty.
  static func precondition(_ n: Int) -> String {
    var chain = "x |-> tl: " + (n > 1 ? "_c1" : "NULL")
    if n > 1 {
      for i in 1..<n { chain += " * _c\(i) |-> tl: " + (i + 1 < n ? "_c\(i + 1)" : "NULL") }
    }
    return "tl;\np(x) [\(chain)] {\n} [\(chain)]\n"
  }

  /// An async `main` that assigns a literal of `digits` sevens to a global.
  static func literal(digits: Int) -> String {
    "global g;\n\nasync main() {\n  g = " + String(repeating: "7", count: max(1, digits)) + ";\n}\n"
  }
}
