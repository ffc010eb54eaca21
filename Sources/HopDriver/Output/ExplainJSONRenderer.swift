import HopChecker
import HopLogic
import HopSyntax

/// `hophop explain --format json`: the trace `explain` prints as text, as
/// data for an editor (to show the state at a command on hover). The file's
/// result lists each sync procedure explained: its verdict, the states at
/// entry, and for each command its range and the states after it, each state
/// as the text `explain` prints and as atoms (`JSONStateAtom`). Each step also
/// has `annotations`, the proof's remarks about that command (a loop's
/// invariant and frame, a call's frame, an endpoint's contract state before
/// and after; a reception in a `switch receive` is a step of its own);
/// `notes` lists every remark with its command's range and the line
/// `explain` prints it under. States and remarks use the names and show the
/// facts of the text (one lettering per procedure, no facts about dead variables).
public enum ExplainJSONRenderer {
  public static func render(_ result: ExplainSession.Result) -> String {
    let payload = result.report.source.flatMap { source in
      result.text == nil ? nil : Payload(procedures: result.traces.enumerated().map { index, trace in
        // The names and the facts shown are those of the text.
        let names = index < result.names.count ? result.names[index] : StateNames(for: trace.entry + trace.steps.flatMap(\.states))
        return Procedure(trace, source: source, names: names, text: ProofText(trace: trace, source: source, options: result.options))
      })
    }
    return JSONReport(command: "explain", exitStatus: result.exitStatus,
                      files: [JSONFileReport(result.report, result: payload)]).text
  }

  struct Payload: Encodable {
    var procedures: [Procedure]
  }

  struct Procedure: Encodable {
    var name: String
    var verdict: String
    var range: JSONRange
    var entry: [JSONState]
    var steps: [Step]
    var notes: [Note]

    init(_ trace: ProofTrace, source: SourceFile, names: StateNames, text: ProofText) {
      var names = names
      let live = text.live
      name = trace.procedure.name.name
      verdict = trace.verdict.outcome.rawValue
      range = JSONRange(trace.procedure.range, in: source)
      let atEntry = text.focus(live.deadAtEntry)
      entry = trace.entry.map { JSONState($0, names: &names, focus: atEntry) }
      let remarks = Dictionary(grouping: trace.notes, by: \.range.start)
      var steps: [Step] = []
      for step in trace.steps {
        let focus = text.focus(live.dead(after: step.range.start))
        steps.append(Step(range: JSONRange(step.range, in: source),
                          states: step.states.map { JSONState($0, names: &names, focus: focus) },
                          annotations: (remarks[step.range.start] ?? []).map { $0.text(names: &names) }))
      }
      self.steps = steps
      var notes: [Note] = []
      for note in trace.notes {
        notes.append(Note(range: JSONRange(note.range, in: source), line: source.location(of: note.anchor).line,
                          text: note.text(names: &names)))
      }
      self.notes = notes
    }
  }

  struct Note: Encodable {
    var range: JSONRange
    var line: Int
    var text: String
  }

  struct Step: Encodable {
    var range: JSONRange
    /// The cases after the command; empty when it is not reached.
    var states: [JSONState]
    var annotations: [String]
  }
}

/// One symbolic state (one case) in JSON: as `explain` prints it, and as its atoms.
struct JSONState: Encodable {
  var text: String
  var spatial: [JSONStateAtom]
  var pure: [JSONStateAtom]

  init(_ heap: SymbolicHeap, names: inout StateNames, focus: StateFocus) {
    let readable = StateDisplay.readable(heap, names: &names, focus: focus)
    text = StateDisplay.parts(ofReadable: readable).joined(separator: " * ")
    spatial = readable.spatial.map(JSONStateAtom.init)
    pure = readable.pure.map(JSONStateAtom.init)
  }
}

/// An atom of a state: its kind and its arguments as text (with the readable
/// names of `StateDisplay`), plus what each kind carries besides terms.
///
/// - `pointsTo`: args `[address, value...]`, `fields` the names of the values;
/// - `endpoint`: args `[address]` or `[address, peer]`, with `contract`, `dual`, `states`;
/// - `lseg`: args `[from, to]` (`to` is NULL for `list`), `fields` the link field;
/// - `tree`, `dlseg`, `xlseg`: args the predicate's arguments, `fields` its fields;
/// - `equal`, `notEqual`, `less`, `lessEqual`: args `[left, right]`.
struct JSONStateAtom: Encodable {
  var kind: String
  var args: [String]
  var text: String
  var fields: [String]?
  var contract: String?
  var dual: Bool?
  var states: [String]?

  init(_ atom: SpatialAtom) {
    text = atom.description
    switch atom {
    case .pointsTo(let address, let values):
      kind = "pointsTo"
      fields = values.keys.sorted()
      args = [address.description] + (fields ?? []).map { values[$0]!.description }
    case .endpoint(let address, let cell):
      kind = "endpoint"
      args = [address.description] + (cell.peer.map { [$0.description] } ?? [])
      contract = cell.contract
      dual = cell.isDual
      states = cell.states.sorted()
    case .segment(let field, let from, let to):
      kind = "lseg"
      args = [from.description, to.description]
      fields = [field]
    case .predicate(let predicate, let names, let arguments):
      kind = predicate.rawValue
      args = arguments.map(\.description)
      fields = names
    }
  }

  init(_ atom: PureAtom) {
    text = atom.description
    switch atom {
    case .equal(let a, let b): kind = "equal"; args = [a.description, b.description]
    case .notEqual(let a, let b): kind = "notEqual"; args = [a.description, b.description]
    case .less(let a, let b): kind = "less"; args = [a.description, b.description]
    case .lessEqual(let a, let b): kind = "lessEqual"; args = [a.description, b.description]
    }
  }
}
