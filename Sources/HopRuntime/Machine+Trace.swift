/// Turns the raw ring of recorded commands into readable steps, only when a
/// fault is reported (the hot loop stores five integers per command).
extension Machine {
  func describe(_ step: RecordedStep) -> RunStep {
    if step.procedure < 0 {
      let verb = step.b == 0 ? "sends" : "receives"
      return RunStep(thread: -1, procedure: "environment", range: .point(0),
                       values: "\(verb) '\(program.messages[step.pc])' on \(step.a)")
    }
    let procedure = program.procedures[step.procedure]
    return RunStep(thread: step.thread, procedure: procedure.name, range: procedure.ranges[step.pc],
                     values: values(of: procedure.code[step.pc], in: procedure, step.a, step.b))
  }

  private func name(_ variable: VariableRef, _ procedure: CompiledProcedure) -> String {
    switch variable {
    case .local(let slot): procedure.slotNames[slot]
    case .global(let index): index >= 0 ? program.globals[index] : "?"
    }
  }

  private func values(of instruction: Instruction, in procedure: CompiledProcedure, _ a: Int, _ b: Int) -> String {
    switch instruction {
    case .assign(let target, _): "\(name(target, procedure)) = \(a)"
    case .lookup(let target, _, let field): "\(name(target, procedure)) = \(a) (\(b)->\(program.fields[field]))"
    case .mutate(_, let field, _): "\(a)->\(program.fields[field]) = \(b)"
    case .allocate(let target): "\(name(target, procedure)) = \(a) (new cell)"
    case .dispose: "disposes \(a)"
    case .branch(let condition, _):
      (a != 0 ? "condition true" : "condition false")
        + (condition.firstVariable.map { ", \(name($0, procedure)) = \(b)" } ?? "")
    case .acquire(let resource, _): "enters '\(program.resources[resource].name.name)'"
    case .open(let first, let second, _): "\(name(first, procedure)) = \(a), \(name(second, procedure)) = \(b)"
    case .close: "closes \(a) and \(b)"
    case .send: "sends on \(a), value \(b)"
    case .receive(let site): site.binding.map { "\(name($0, procedure)) = \(b) (from \(a))" } ?? "received on \(a)"
    case .switchReceive(let sites, _):
      "takes '\(program.messages[sites[a].message])'" + (sites[a].binding.map { ", \(name($0, procedure)) = \(b)" } ?? "")
    case .call(let site): "calls \(program.procedures[site.procedure].name)"
    case .parallel: "starts two threads"
    case .return: "returns"
    case .post(let callee, _): "posts \(program.procedures[callee].name)"
    case .delete(let callee, _): "deletes \(program.procedures[callee].name)"
    case .jump, .release: ""
    }
  }
}
