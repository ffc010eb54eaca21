/// The `channels2` family: Heap-Hop beyond the `heaphop` family. A
/// contract whose initial state is a choice (`!tok` or `!ack`), then a
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
    var text = "tl;\n\nmessage cell [val |-> ]\nmessage ack\nmessage tok [\(invariants.randomElement(using: &random)!)]\n\n"
    text += "contract C {\n  initial state a { !tok -> b; !ack -> b; }\n  state b { !cell -> c; }\n  final state c {}\n}\n\n"
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
    let sender = senders.randomElement(using: &random)! + ["x = new();", "send(cell, e, x);"]
    let receiver = receivers.randomElement(using: &random)! + ["y = receive(cell, f);", "dispose y;"]
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
