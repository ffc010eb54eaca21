/// Random programs aimed at dangling pointers, over two fields and three
/// one-parameter procedures with fixed roles: an owner (`[valid(x) ..]`)
/// sets the field `s` of its cell, frees it and may post the reader on the
/// dangling pointer; the reader (`[x->s == 1]`, mostly without `valid(x)`)
/// touches no cell; an allocator allocates, straight-line or in a loop, and writes only
/// the other field. Every `new()` may hand the freed cell out again with
/// another `s` (the ConcreteScheduler does), so a checker that misses that
/// an allocation, or a loop of them, may change `s` at a freed address
/// proves programs that fault. Which procedure plays which role, what else
/// the bodies do and what `main` posts are random.
enum RandomReuseProgram {
  static func generate<R: RandomNumberGenerator>(using random: inout R) -> String {
    let names = ["p", "q", "r"].shuffled(using: &random)
    let (owner, reader, allocator) = (names[0], names[1], names[2])
    var text = "global g;\n\nasync main() {\n  local l;\n  g = 0;\n  l = new();\n  l->s = 1;\n  post \(owner)(l);\n"
    for name in [reader, allocator] where Bool.random(using: &random) { text += "  post \(name)(l);\n" }
    text += "}\n"
    let allocations = ["l = new(); l->f = 0;", "while (*) [true] { l = new(); }", "while (*) [true] { l = new(); l->f = 0; }"]
    func body(_ choices: [String], _ count: ClosedRange<Int>) -> [String] {
      (0..<Int.random(in: count, using: &random)).map { _ in
        let choice = choices.randomElement(using: &random)!
        let inner = choices.filter { $0 != "IF" }.randomElement(using: &random)!
        return "  " + (choice == "IF" ? "if (*) { \(inner) }" : choice) + "\n"
      }
    }
    var ownerBody = body(["x->s = 1;", "x->f = 1;", "l = x->s;", "g = g + 1;", "x->s = 1; post \(reader)(x);", "IF"], 0...2)
    ownerBody.append("  " + [
      "", "dispose x;", "x->s = 1; dispose x; post \(reader)(x);", "x->s = 1; dispose x; post \(reader)(x);",
      "x->s = 1; dispose x; while (*) [true] { l = new(); } post \(reader)(x);",
    ].randomElement(using: &random)! + "\n")
    let ownerPrecondition = Bool.random(using: &random) ? ["valid(x)", "x->s == 1"] : ["valid(x)"]
    text += RandomProgramText.procedure(owner, ownerPrecondition, locals: "l", body: ownerBody)
    // A reader that needs its cell allocated is safe from allocations, not from being handed a dangling pointer.
    let readerPrecondition = [["x->s == 1"], ["x->s == 1", "!pending_\(reader)(x)"], ["valid(x)", "x->s == 1"]]
      .randomElement(using: &random)!
    text += RandomProgramText.procedure(reader, readerPrecondition, locals: "l",
                                        body: body(["g = g + 1;", "post \(reader)(x);", "IF"] + allocations.prefix(1), 1...2))
    text += RandomProgramText.procedure(allocator, Bool.random(using: &random) ? [] : ["g >= 0"], locals: "l",
                                        body: body(["g = g + 1;", "IF"] + allocations, 1...2))
    return text
  }
}
