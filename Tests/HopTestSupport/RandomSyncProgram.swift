/// Random sync Hop programs for the cross-check of `check` against `run`: a
/// program `check` proves valid must never fault when run. Two families:
///
/// - `smallfoot`: one procedure over the field `tl` and four variables, with a
///   specification among shapes a list program has (mostly three separate
///   lists, else `emp`, cells, `lseg`), a body of list idioms that keep
///   three lists (push, move a head, dispose, calls of a list-disposing
///   procedure, also in parallel, and loops: reverse, dispose, walk to the
///   end, of which a command may be dropped or swapped) and of raw heap
///   commands and conditionals;
/// - `heaphop`: a producer and a consumer over one channel, from a few
///   contracts, whose bodies send and receive cells, with a random mutation
///   (a command dropped, repeated or swapped, a message changed), run in
///   parallel from `main` (which then closes the channel), or both ends
///   used by one procedure in an order where nothing blocks;
/// - `arithmetic`, `globals`, `resources`, `channels2`, `shapes` (each in its own
///   file): C's arithmetic, globals in bodies and specifications and by
///   reference, resources with `with ... when` and `init`, and the rest of
///   Heap-Hop (choice states, `switch receive`, plain and valueless
///   channel commands, message invariants with free names), trees and
///   doubly linked segments.
///
/// Most programs are invalid (the checker must say why, the run shows
/// faults); the valid ones are what the cross-check is about.
public enum RandomSyncProgram {
  public enum Family: String, CaseIterable, Sendable {
    case smallfoot, heaphop, arithmetic, globals, resources, channels2, shapes
  }

  public static func generate<R: RandomNumberGenerator>(_ family: Family, using random: inout R) -> String {
    switch family {
    case .smallfoot: smallfoot(using: &random)
    case .heaphop: heaphop(using: &random)
    case .arithmetic: arithmetic(using: &random)
    case .globals: globals(using: &random)
    case .resources: resources(using: &random)
    case .channels2: channels2(using: &random)
    case .shapes: shapes(using: &random)
    }
  }

  // MARK: Smallfoot layer

  static let variables = ["x", "y", "z", "t"]

  static func smallfoot<R: RandomNumberGenerator>(using random: inout R) -> String {
    // Mostly the shape the safe idioms keep (three separate lists), sometimes another one.
    let preconditions = ["list(x) * list(y)", "list(x) * list(y)", "list(x) * list(y)", "emp", "x |-> ",
                         "lseg(x, y) * list(y)", "x |-> tl: y * list(y)"]
    let postconditions = ["list(x) * list(y) * list(z)", "list(x) * list(y) * list(z)", "list(x) * list(y) * list(z)",
                          "emp", "list(x) * list(z)", "list(x) * list(y)", "list(z)", "x |-> "]
    var text = "tl;\n\n"
    text += """
      free_list(p) [list(p)] {
        local q;
        while (p != NULL) [list(p)] { q = p->tl; dispose p; p = q; }
      } [emp]


      """
    var body: [String] = ["z = NULL;"]
    for _ in 0..<Int.random(in: 1...5, using: &random) {
      body.append(Int.random(in: 0..<10, using: &random) < 7 ? idiom(using: &random) : statement(depth: 0, using: &random))
    }
    let pre = preconditions.randomElement(using: &random)!
    let post = postconditions.randomElement(using: &random)!
    text += "main(x, y) [\(pre)] {\n  local z, t;\n" + body.map { "  " + $0 + "\n" }.joined() + "} [\(post)]\n"
    return text
  }

  /// A command that keeps x, y and z the heads of three separate lists.
  private static func idiom<R: RandomNumberGenerator>(using random: inout R) -> String {
    let lists = ["x", "y", "z"].shuffled(using: &random)
    let (a, b) = (lists[0], lists[1])
    switch Int.random(in: 0..<7, using: &random) {
    case 0: return "t = new(); t->tl = \(a); \(a) = t;"
    case 1: return "if (\(a) != NULL) { t = \(a); \(a) = \(a)->tl; t->tl = \(b); \(b) = t; }"
    case 2: return "free_list(\(a)); \(a) = NULL;"
    case 3: return "free_list(\(a)) || free_list(\(b)); \(a) = NULL; \(b) = NULL;"
    case 4: return "if (\(a) == NULL) { \(a) = \(b); \(b) = NULL; }"
    case 5: return "if (\(a) != NULL) { t = \(a)->tl; dispose \(a); \(a) = t; }"
    default: return loop(using: &random)
    }
  }

  private static func statement<R: RandomNumberGenerator>(depth: Int, using random: inout R) -> String {
    func variable() -> String { variables.randomElement(using: &random)! }
    func value() -> String { Int.random(in: 0..<5, using: &random) == 0 ? "NULL" : variable() }
    switch Int.random(in: 0..<(depth < 1 ? 14 : 9), using: &random) {
    case 0: return "\(variable()) = new();"
    case 1: return "dispose \(variable());"
    case 2: return "\(variable())->tl = \(value());"
    case 3, 4: return "\(variable()) = \(variable())->tl;"
    case 5: return "\(variable()) = \(value());"
    case 6: return "free_list(\(variable()));"
    case 7: return "free_list(\(variable())) || free_list(\(variable()));"
    case 8: return "z = new(); z->tl = \(value());"
    case 9, 10:
      let condition = ["\(variable()) == NULL", "\(variable()) != NULL", "\(variable()) == \(variable())"]
        .randomElement(using: &random)!
      let then = statement(depth: depth + 1, using: &random)
      let otherwise = Bool.random(using: &random) ? " else { \(statement(depth: depth + 1, using: &random)) }" : ""
      return "if (\(condition)) { \(then) }\(otherwise)"
    default:
      return loop(using: &random)
    }
  }

  /// A list idiom, maybe with one command dropped or changed, and maybe without its invariant.
  private static func loop<R: RandomNumberGenerator>(using random: inout R) -> String {
    let idioms: [(header: String, body: [String])] = [
      ("while (x != NULL) [list(x) * list(z)]", ["t = x->tl;", "x->tl = z;", "z = x;", "x = t;"]),
      ("while (x != NULL) [list(x)]", ["t = x->tl;", "dispose x;", "x = t;"]),
      ("while (t != NULL) [lseg(x, y) * y |-> tl: t * list(t)]", ["y = t;", "t = t->tl;"]),
      ("while (y != NULL) [list(y) * list(z)]", ["t = y;", "y = y->tl;", "t->tl = z;", "z = t;"]),
    ]
    var (header, body) = idioms.randomElement(using: &random)!
    // Half the loops have no written invariant: inference finds one, or the check fails (issue 26).
    if Bool.random(using: &random), let bracket = header.firstIndex(of: "[") { header = String(header[..<bracket]) }
    var prefix = ""
    if header.hasPrefix("while (t != NULL)") { prefix = "if (x != NULL) { y = x; t = x->tl; " }
    switch Int.random(in: 0..<4, using: &random) {
    case 0: body.remove(at: Int.random(in: 0..<body.count, using: &random))
    case 1: body.swapAt(Int.random(in: 0..<body.count, using: &random), Int.random(in: 0..<body.count, using: &random))
    default: break
    }
    let loop = "\(header) { \(body.joined(separator: " ")) }"
    return prefix.isEmpty ? loop : prefix + loop + " }"
  }

  // MARK: Heap-Hop layer

  /// A contract with the sender's and the receiver's commands, the two in one sequence, and its final state.
  struct ChannelProtocol {
    var name: String
    var text: String
    var sender: [String]
    var receiver: [String]
    var sequential: [String]
    var final: String
  }

  static let protocols: [ChannelProtocol] = [
    ChannelProtocol(name: "One", text: "contract One {\n  initial state a { !cell -> b; }\n  final state b {}\n}\n",
             sender: ["send(cell, e, x);"], receiver: ["y = receive(cell, f);", "dispose y;"],
             sequential: ["send(cell, e, x);", "y = receive(cell, f);", "dispose y;"], final: "b"),
    ChannelProtocol(name: "Ack",
             text: "contract Ack {\n  initial state a { !cell -> b; }\n  state b { ?ack -> c; }\n  final state c {}\n}\n",
             sender: ["send(cell, e, x);", "receive(ack, e);"], receiver: ["y = receive(cell, f);", "dispose y;", "send(ack, f);"],
             sequential: ["send(cell, e, x);", "y = receive(cell, f);", "send(ack, f);", "receive(ack, e);", "dispose y;"],
             final: "c"),
    ChannelProtocol(name: "Two",
             text: "contract Two {\n  initial state a { !cell -> b; }\n  state b { !cell -> c; }\n  final state c {}\n}\n",
             sender: ["send(cell, e, x);", "x = new();", "send(cell, e, x);"],
             receiver: ["y = receive(cell, f);", "dispose y;", "y = receive(cell, f);", "dispose y;"],
             sequential: ["send(cell, e, x);", "x = new();", "send(cell, e, x);", "y = receive(cell, f);", "dispose y;",
                          "y = receive(cell, f);", "dispose y;"], final: "c"),
    ChannelProtocol(name: "Back",
             text: "contract Back {\n  initial state a { !cell -> b; }\n  state b { ?cell -> c; }\n  final state c {}\n}\n",
             sender: ["send(cell, e, x);", "x = receive(cell, e);", "dispose x;"],
             receiver: ["y = receive(cell, f);", "send(cell, f, y);"],
             sequential: ["send(cell, e, x);", "y = receive(cell, f);", "send(cell, f, y);", "x = receive(cell, e);",
                          "dispose x;"], final: "c"),
  ]

  static func heaphop<R: RandomNumberGenerator>(using random: inout R) -> String {
    let chosen = protocols.randomElement(using: &random)!
    var text = "message cell [val |-> ]\nmessage ack\n\n" + chosen.text + "\n"
    let (name, final) = (chosen.name, chosen.final)
    if Bool.random(using: &random) {
      // Both ends in one procedure, in an order where nothing blocks.
      var body = chosen.sequential
      mutate(&body, using: &random)
      body = ["(e, f) = open(\(name));", "x = new();"] + body + ["close(e, f);"]
      text += "main() [emp] {\n  local e, f, x, y;\n" + body.map { "  \($0)\n" }.joined() + "} [emp]\n"
    } else {
      var sender = chosen.sender, receiver = chosen.receiver
      mutate(&sender, using: &random)
      mutate(&receiver, using: &random)
      text += "put(e, f) [e |-> \(name){a}, peer: f] {\n  local x;\n  x = new();\n"
        + sender.map { "  \($0)\n" }.joined() + "} [e |-> \(name){\(final)}, peer: f]\n\n"
      text += "get(f, e) [f |-> ~\(name){a}, peer: e] {\n  local y;\n" + receiver.map { "  \($0)\n" }.joined()
        + "} [f |-> ~\(name){\(final)}, peer: e]\n\n"
      text += "main() [emp] {\n  local e, f;\n  (e, f) = open(\(name));\n  put(e, f) || get(f, e);\n  close(e, f);\n} [emp]\n"
    }
    return text
  }

  /// Drops, repeats or swaps one command, or changes a message, or nothing.
  private static func mutate<R: RandomNumberGenerator>(_ commands: inout [String], using random: inout R) {
    guard !commands.isEmpty else { return }
    let index = Int.random(in: 0..<commands.count, using: &random)
    switch Int.random(in: 0..<7, using: &random) {
    case 0: commands.remove(at: index)
    case 1: commands.insert(commands[index], at: index)
    case 2: commands.swapAt(index, Int.random(in: 0..<commands.count, using: &random))
    case 3: commands[index] = commands[index].replacing("cell", with: "ack")
    default: break
    }
  }
}
