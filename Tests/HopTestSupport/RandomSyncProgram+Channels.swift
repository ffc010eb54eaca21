/// The `channels2` family: Heap-Hop beyond the `heaphop` family. A
/// contract whose initial state is a choice (`!tok` or `!ack`; or `!tok` alone), then a
/// `cell`; the message `tok` has an invariant that may name something
/// besides `val` and `src`; the sender may send `tok` without a value; the
/// receiver takes the choice with `switch receive` or with a plain
/// `receive` of one message, and may trust what the invariant says of
/// `val`. A program is valid when every message the sender may send is
/// received and the ownership and facts it carries are what the receiver
/// gets: a plain receive in a choice state, an invariant read in the
/// receiver's own names and a send without a value are where they are
/// not, and the run shows an unexpected message, a leak or a dispose of a
/// cell not owned.
extension RandomSyncProgram {
  static func channels2<R: RandomNumberGenerator>(using random: inout R) -> String {
    let invariants = ["val |-> ", "val |-> ", "emp", "val != NULL", "val == src", "val == src",
                      "if k == 0 then val |->  else emp", "val |->  * k == 0", "val == k"]
    // Half the time any invariant, sender and receiver; a quarter of the time one that names the
    // receiver's own `k` with the senders and receivers that set it, a quarter one about `val` with a
    // sender that may send no value, so that these rare combinations are not left to chance.
    let scenario = max(0, Int.random(in: 0..<4, using: &random) - 1)
    let invariant = scenario == 1 ? invariants[6...8].randomElement(using: &random)!
      : scenario == 2 ? ["val |-> ", "val |-> ", "val != NULL", "val == src"].randomElement(using: &random)!
      : invariants.randomElement(using: &random)!
    var text = "tl;\n\nmessage cell [val |-> ]\nmessage ack\nmessage tok [\(invariant)]\n\n"
    // The choice of `tok` or `ack` half the time; otherwise `tok` alone, where a plain receive of it is right.
    let first = Bool.random(using: &random) ? "!tok -> b; !ack -> b;" : "!tok -> b;"
    text += "contract C {\n  initial state a { \(first) }\n  state b { !cell -> c; }\n  final state c {}\n}\n\n"
    let senders = [
      ["send(ack, e);"],
      ["x = new();", "send(tok, e, x);"],
      ["x = new();", "send(tok, e);"],
      ["send(tok, e);"],
      ["x = new();", "send(tok, e);", "dispose x;"],
      ["x = new();", "k = 1;", "send(tok, e, x);", "dispose x;"],
      ["x = new();", "k = 1;", "send(tok, e, x);", "dispose x;"],
      ["x = new();", "k = 0;", "send(tok, e, x);"],
    ]
    let receivers = [
      ["y = receive(tok, f);", "dispose y;"],
      ["k = 0;", "y = receive(tok, f);", "dispose y;"],
      ["k = 0;", "y = receive(tok, f);", "dispose y;"],
      ["receive(tok, f);"],
      ["receive(ack, f);"],
      ["y = receive(tok, f);", "if (y == NULL) { dispose y; }"],
      ["y = receive(tok, f);", "if (y != e) { dispose y; }"],
      ["y = receive(tok, f);", "if (y != e) { dispose y; }"],
      ["switch receive {", "  y = receive(tok, f): { dispose y; }", "  receive(ack, f): { }", "}"],
      ["switch receive {", "  y = receive(tok, f): { }", "  receive(ack, f): { }", "}"],
      ["k = 0;", "switch receive {", "  y = receive(tok, f): { dispose y; }", "  receive(ack, f): { }", "}"],
    ]
    let sending = scenario == 1 ? [senders[5], senders[7]] : scenario == 2 ? [senders[1], senders[2], senders[3], senders[4]] : senders
    let receiving = scenario == 1 ? [receivers[1], receivers[10]]
      : scenario == 2 ? [receivers[0], receivers[5], receivers[6], receivers[8]] : receivers
    let sender = sending.randomElement(using: &random)! + ["x = new();", "send(cell, e, x);"]
    let receiver = receiving.randomElement(using: &random)! + ["y = receive(cell, f);", "dispose y;"]
    if Bool.random(using: &random) {
      text += "put(e, f) [e |-> C{a}, peer: f] {\n  local x, k;\n" + sender.map { "  \($0)\n" }.joined()
        + "} [e |-> C{c}, peer: f]\n\n"
      text += "get(f, e) [f |-> ~C{a}, peer: e] {\n  local y, k;\n" + receiver.map { "  \($0)\n" }.joined()
        + "} [f |-> ~C{c}, peer: e]\n\n"
      text += "main() [emp] {\n  local e, f;\n  (e, f) = open(C);\n  put(e, f) || get(f, e);\n  close(e, f);\n} [emp]\n"
    } else {
      // Both ends in one procedure: the sender's commands, then the receiver's.
      text += "main() [emp] {\n  local e, f, x, y, k;\n  (e, f) = open(C);\n" + (sender + receiver).map { "  \($0)\n" }.joined()
        + "  close(e, f);\n} [emp]\n"
    }
    return text
  }
}
