/// Source text with position markers, as swift-syntax's tests write them:
/// `1️⃣`, `2️⃣`, ... stand where a diagnostic is expected, so a test names the
/// place instead of counting lines and columns. The markers are removed.
public struct MarkedSource: Sendable {
  public let text: String
  /// Byte offset (UTF-8) in `text` of each marker, by its emoji.
  public let offsets: [String: Int]

  public init(_ marked: String) {
    let markers: Set<Character> = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]
    var text = ""
    var offsets: [String: Int] = [:]
    for character in marked {
      if markers.contains(character) {
        offsets[String(character)] = text.utf8.count
      } else {
        text.append(character)
      }
    }
    self.text = text
    self.offsets = offsets
  }

  /// The offset of a marker; a missing marker is a mistake in the test.
  public subscript(_ marker: String) -> Int {
    guard let offset = offsets[marker] else { preconditionFailure("no marker \(marker) in the test source") }
    return offset
  }
}
