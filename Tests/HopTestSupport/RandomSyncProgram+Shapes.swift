/// The `shapes` family: trees and doubly linked segments. One recursive
/// tree procedure (dispose, mirror, copy; with parallel recursive calls)
/// or one operation on a doubly linked list (pop, push, a walk with a
/// loop invariant of two `dlseg`s), with one command of its body maybe
/// dropped, repeated or swapped with another, called from `main` with the
/// same specification.
extension RandomSyncProgram {
  /// A procedure: its header, precondition, body lines (those of structure never mutated), postcondition.
  struct ShapeProcedure {
    var header: String
    var pre: String
    var locals: String
    var body: [(line: String, mutable: Bool)]
    var post: String
    var call: String
  }

  static let shapeProcedures: [ShapeProcedure] = [
    ShapeProcedure(header: "release(t)", pre: "tree(t)", locals: "i, j", body: [
      ("if (t != NULL) {", false), ("i = t->l;", true), ("j = t->r;", true), ("dispose t;", true),
      ("release(i) || release(j);", true), ("}", false)], post: "emp", call: "release(t);"),
    ShapeProcedure(header: "mirror(t)", pre: "tree(t)", locals: "i, j", body: [
      ("if (t != NULL) {", false), ("i = t->l;", true), ("j = t->r;", true), ("mirror(i) || mirror(j);", true),
      ("t->l = j;", true), ("t->r = i;", true), ("}", false)], post: "tree(t)", call: "mirror(t);"),
    ShapeProcedure(header: "dup(c; t)", pre: "tree(t)", locals: "i, j, ci, cj", body: [
      ("if (t == NULL) {", false), ("c = NULL;", true), ("} else {", false), ("i = t->l;", true), ("j = t->r;", true),
      ("dup(ci; i) || dup(cj; j);", true), ("c = new();", true), ("c->l = ci;", true), ("c->r = cj;", true), ("}", false)],
      post: "tree(t) * tree(c)", call: "dup(c; t); release(c);"),
    ShapeProcedure(header: "pop_front(f, b, x;)", pre: "dlseg(f, NULL, NULL, b) * f != NULL", locals: "n", body: [
      ("x = f;", true), ("n = x->r;", true), ("if (n == NULL) {", false), ("b = NULL;", true), ("} else {", false),
      ("n->l = NULL;", true), ("}", false), ("f = n;", true)],
      post: "x |->  * dlseg(f, NULL, NULL, b)", call: "if (f != NULL) { pop_front(f, b, x;); dispose x; }"),
    ShapeProcedure(header: "push_back(f, b; x)", pre: "x |->  * dlseg(f, NULL, NULL, b)", locals: "", body: [
      ("x->r = NULL;", true), ("x->l = b;", true), ("if (b == NULL) {", false), ("f = x;", true), ("} else {", false),
      ("b->r = x;", true), ("}", false), ("b = x;", true)],
      post: "dlseg(f, NULL, NULL, b)", call: "x = new(); push_back(f, b; x);"),
    ShapeProcedure(header: "walk_back(f, b)", pre: "dlseg(f, NULL, NULL, b)", locals: "x, y", body: [
      ("x = b;", true), ("y = NULL;", true),
      ("while (x != NULL) [dlseg(f, y, NULL, x) * dlseg(y, NULL, x, b)] {", false), ("y = x;", true), ("x = x->l;", true),
      ("}", false)], post: "dlseg(f, NULL, NULL, b)", call: "walk_back(f, b);"),
  ]

  static func shapes<R: RandomNumberGenerator>(using random: inout R) -> String {
    var procedure = shapeProcedures.randomElement(using: &random)!
    let mutable = procedure.body.indices.filter { procedure.body[$0].mutable }
    let index = mutable.randomElement(using: &random)!
    switch Int.random(in: 0..<6, using: &random) {
    case 0: procedure.body.remove(at: index)
    case 1: procedure.body.insert(procedure.body[index], at: index)
    case 2: procedure.body.swapAt(index, mutable.randomElement(using: &random)!)
    case 3: procedure.body[index].line = procedure.body[index].line.replacing(" || ", with: "; ")
    default: break
    }
    var text = "d, l, r;\n\n"
    if procedure.header.hasPrefix("dup") { text += render(shapeProcedures[0]) }
    text += render(procedure)
    let isTree = procedure.pre.hasPrefix("tree")
    if isTree {
      let post = procedure.header.hasPrefix("release") ? "emp" : "tree(t)"
      text += "main(t) [tree(t)] {\n  local c;\n  \(procedure.call)\n} [\(post)]\n"
    } else {
      text += "main(f, b) [dlseg(f, NULL, NULL, b)] {\n  local x;\n  \(procedure.call)\n} [dlseg(f, NULL, NULL, b)]\n"
    }
    return text
  }

  /// A procedure's text, its body indented by its braces.
  private static func render(_ procedure: ShapeProcedure) -> String {
    var depth = 1
    var body = ""
    for (line, _) in procedure.body {
      if line.hasPrefix("}") { depth -= 1 }
      body += String(repeating: "  ", count: depth) + line + "\n"
      if line.hasSuffix("{") { depth += 1 }
    }
    let locals = procedure.locals.isEmpty ? "" : "  local \(procedure.locals);\n"
    return "\(procedure.header) [\(procedure.pre)] {\n" + locals + body + "} [\(procedure.post)]\n\n"
  }
}
