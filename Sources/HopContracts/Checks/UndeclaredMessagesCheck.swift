import HopSyntax

extension ContractAutomaton {
  /// `HH313` — **undeclared message**: the contract uses a message the file
  /// does not declare with `message m [...]`, so no invariant says what it
  /// carries. One warning per message, at its first use in the contract.
  /// (`hophop check` rejects such a file in name resolution already; lint
  /// reports it for contracts compiled from any program.)
  public func undeclaredMessages(declared: Set<String>) -> [Int] {
    (0..<messageCount).filter { !declared.contains(messageNames[$0]) }
  }

  func undeclaredMessageWarnings(declared: Set<String>) -> [Diagnostic] {
    undeclaredMessages(declared: declared).map { .undeclaredMessage(self, $0) }
  }
}
