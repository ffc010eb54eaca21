/// One command of one thread. `step` returns false when the thread cannot
/// move (a receive with nothing queued, a region that is taken or whose
/// condition is false, a parent waiting for its `||` children) and throws
/// `Stop` when the command faults.
extension Machine {
  func step(_ thread: ThreadState) throws(Stop) -> Bool {
    guard thread.waitingFor == 0, let frame = thread.frames.last else { return false }
    let pc = frame.pc
    let instruction = frame.code[pc]
    switch instruction {
    case .assign(let target, let value):
      let result = try evaluate(value, frame)
      write(target, result, frame)
      record(thread, frame, pc: pc, result)
      frame.pc = pc + 1
    case .lookup(let target, let pointer, let field):
      let address = try evaluate(pointer, frame)
      try requireCell(address)
      let result = heap.field(address, field)
      write(target, result, frame)
      record(thread, frame, pc: pc, result, address)
      frame.pc = pc + 1
    case .mutate(let pointer, let field, let value):
      let address = try evaluate(pointer, frame)
      let result = try evaluate(value, frame)
      try requireCell(address)
      heap.setField(address, field, result)
      record(thread, frame, pc: pc, address, result)
      frame.pc = pc + 1
    case .allocate(let target):
      let address = heap.allocateCell { _ in self.random.garbage() }
      write(target, address, frame)
      record(thread, frame, pc: pc, address)
      frame.pc = pc + 1
    case .dispose(let pointer):
      try dispose(pointer, thread, frame, pc: pc)
    case .branch(let condition, let elseTarget):
      let holds = try evaluate(condition, frame) != 0
      record(thread, frame, pc: pc, holds ? 1 : 0, condition.firstVariable.map { read($0, frame) } ?? 0)
      frame.pc = holds ? pc + 1 : elseTarget
    case .jump(let target):
      frame.pc = target
    case .acquire(let resource, let condition):
      guard resource >= 0, holder[resource] == -1, try evaluate(condition, frame) != 0 else { return false }
      holder[resource] = thread.id
      record(thread, frame, pc: pc)
      frame.pc = pc + 1
    case .release(let resource):
      if resource >= 0 { holder[resource] = -1 }
      frame.pc = pc + 1
    case .call(let site):
      frame.pc = pc + 1
      let callee = try self.frame(for: site, caller: frame)
      record(thread, frame, pc: pc)
      thread.frames.append(callee)
    case .parallel(let left, let right):
      try fork(left, right, thread, frame, pc: pc)
    case .open(let first, let second, let contract):
      open(first, second, contract, thread, frame, pc: pc)
    case .close(let first, let second):
      try close(first, second, thread, frame, pc: pc)
    case .send(let message, let endpoint, let value):
      try send(message, endpoint, value, thread, frame, pc: pc)
    case .receive(let site):
      guard try receive(site, thread, frame, pc: pc) else { return false }
    case .switchReceive(let sites, let targets):
      guard try receive(sites, targets, thread, frame, pc: pc) else { return false }
    case .post(let callee, let arguments):
      try changePending(posting: true, callee, arguments, thread, frame, pc: pc)
    case .delete(let callee, let arguments):
      try changePending(posting: false, callee, arguments, thread, frame, pc: pc)
    case .return:
      record(thread, frame, pc: pc)
      returnFrom(frame, in: thread)
    }
    steps += 1
    return true
  }

  // MARK: The commands of `step` with more than a few lines: each records itself and moves the pc.

  private func dispose(_ pointer: CompiledExpression, _ thread: ThreadState, _ frame: CallFrame, pc: Int) throws(Stop) {
    let address = try evaluate(pointer, frame)
    switch heap.status(of: address) {
    case .cell: heap.free(address)
    case .disposedCell, .disposedEndpoint:
      throw Stop(kind: .doubleDispose, message: "address \(address) is already disposed")
    case .endpoint: throw Stop(kind: .invalidAddress, message: "address \(address) is an endpoint, not a cell")
    case nil: throw Self.unallocated(address)
    }
    record(thread, frame, pc: pc, address)
    frame.pc = pc + 1
  }

  /// `left || right`: two child threads, the parent waiting for both.
  private func fork(_ left: CallSite, _ right: CallSite, _ thread: ThreadState, _ frame: CallFrame,
                    pc: Int) throws(Stop) {
    let first = try self.frame(for: left, caller: frame)
    let second = try self.frame(for: right, caller: frame)
    record(thread, frame, pc: pc)
    frame.pc = pc + 1
    thread.waitingFor = 2
    startThread(first, parent: thread)
    startThread(second, parent: thread)
  }

  private func open(_ first: VariableRef, _ second: VariableRef, _ contract: Int, _ thread: ThreadState, _ frame: CallFrame, pc: Int) {
    let initial = program.contracts[contract].initialState
    let (e, f) = heap.openChannel(contract: contract, state: initial)
    write(first, e, frame)
    write(second, f, frame)
    record(thread, frame, pc: pc, e, f)
    frame.pc = pc + 1
  }

  private func close(_ first: CompiledExpression, _ second: CompiledExpression, _ thread: ThreadState, _ frame: CallFrame, pc: Int) throws(Stop) {
    let (e, f) = (try evaluate(first, frame), try evaluate(second, frame))
    try close(e, f)
    record(thread, frame, pc: pc, e, f)
    frame.pc = pc + 1
  }

  private func send(_ message: Int, _ endpoint: CompiledExpression, _ value: CompiledExpression?, _ thread: ThreadState, _ frame: CallFrame,
                    pc: Int) throws(Stop) {
    let address = try evaluate(endpoint, frame)
    let payload: Int
    if let value { payload = try evaluate(value, frame) } else { payload = random.garbage() }
    try send(message, on: address, value: payload)
    record(thread, frame, pc: pc, address, payload)
    frame.pc = pc + 1
  }

  /// A plain receive; false when nothing it can take is queued.
  private func receive(_ site: ReceiveSite, _ thread: ThreadState, _ frame: CallFrame, pc: Int) throws(Stop) -> Bool {
    let address = try evaluate(site.endpoint, frame)
    guard let value = try receive([site.message], on: [address]) else { return false }
    if let binding = site.binding { write(binding, value.value, frame) }
    record(thread, frame, pc: pc, address, value.value)
    frame.pc = pc + 1
    return true
  }

  /// A `switch` of receives, which jumps to the branch of the message taken; false when none can be.
  private func receive(_ sites: [ReceiveSite], _ targets: [Int], _ thread: ThreadState, _ frame: CallFrame,
                       pc: Int) throws(Stop) -> Bool {
    var addresses: [Int] = []
    for site in sites { addresses.append(try evaluate(site.endpoint, frame)) }
    guard let received = try receive(sites.map(\.message), on: addresses) else { return false }
    if let binding = sites[received.branch].binding { write(binding, received.value, frame) }
    record(thread, frame, pc: pc, received.branch, received.value)
    frame.pc = targets[received.branch]
    return true
  }

  /// `post` (`posting`) or `delete` of the instance `callee(arguments)` in the pending set.
  private func changePending(posting: Bool, _ callee: Int, _ arguments: [CompiledExpression], _ thread: ThreadState, _ frame: CallFrame,
                             pc: Int) throws(Stop) {
    var instance = [callee]
    for argument in arguments { instance.append(try evaluate(argument, frame)) }
    if posting {
      if !pending.contains(instance) { pending.append(instance) }
    } else {
      pending.removeAll { $0 == instance }
    }
    record(thread, frame, pc: pc)
    frame.pc = pc + 1
  }

  /// The callee's frame: reference arguments and value arguments read in the caller.
  func frame(for site: CallSite, caller: CallFrame) throws(Stop) -> CallFrame {
    var arguments: [Int] = []
    arguments.reserveCapacity(site.referenceArguments.count + site.valueArguments.count)
    for reference in site.referenceArguments { arguments.append(read(reference, caller)) }
    for value in site.valueArguments { arguments.append(try evaluate(value, caller)) }
    return frame(for: site.procedure, arguments: arguments, caller: caller, copyBack: site.referenceArguments)
  }

  /// Pops `frame`, copying its reference parameters back; a finished `||` child wakes its parent.
  func returnFrom(_ frame: CallFrame, in thread: ThreadState) {
    if let caller = frame.caller {
      for (index, target) in frame.copyBack.enumerated() { write(target, frame.slots[index], caller) }
    }
    thread.frames.removeLast()
    if thread.frames.isEmpty {
      thread.finalSlots = frame.slots
      if let parent = thread.parent { parent.waitingFor -= 1 }
    }
  }

  /// Faults unless `address` is an allocated cell.
  @inline(__always)
  func requireCell(_ address: Int) throws(Stop) {
    switch heap.status(of: address) {
    case .cell: return
    case .disposedCell, .disposedEndpoint:
      throw Stop(kind: .danglingDereference, message: "address \(address) has been disposed")
    case .endpoint: throw Stop(kind: .invalidAddress, message: "address \(address) is an endpoint, not a cell")
    case nil: throw Self.unallocated(address)
    }
  }

  static func unallocated(_ address: Int) -> Stop {
    address == 0 ? Stop(kind: .nullDereference, message: "the address is NULL")
      : Stop(kind: .invalidAddress, message: "\(address) is not an allocated address")
  }
}
