/// The source line a diagnostic echoes, made safe and short enough to show
/// under its header, with the caret line that marks the range on it.
///
/// The line is the user's bytes, which may hold anything: a raw ESC would
/// drive the terminal (colour, cursor moves), a NUL or a bidirectional
/// override would hide or reorder text, and a minified or generated line can
/// be thousands of columns wide. So control and invisible format characters
/// are shown escaped (`\e`, `\0`, `\u{202E}`), each as wide as its escape, and a
/// line wider than `maximumWidth` is cut to a window around the caret, with
/// `…` where text was left out. The caret line follows the shown text
/// column for column; a tab is kept in both, so that it expands alike.
struct SourceLineExcerpt: Equatable {
  /// The line as shown.
  var text: String
  /// What goes before the marker on the caret line: spaces, and a tab under each tab.
  var markerIndent: String
  /// How many columns the marker covers (`^` and `~`s), at least 1.
  var markerWidth: Int

  /// The widest line shown whole; a wider one is cut to this many columns around the caret.
  static let maximumWidth = 100
  /// Columns shown before the caret when a line is cut.
  static let context = 32

  /// `line` with the bytes from column `start` to column `end` (1-based, `end` exclusive; past
  /// the end of the line for a range that goes on to the next lines) marked.
  init(line: String, start: Int, end: Int, maximumWidth: Int = Self.maximumWidth) {
    // One cell per character written: its text, its width, the byte column where it starts.
    var cells: [(text: String, width: Int, column: Int)] = []
    var column = 1
    for scalar in line.unicodeScalars {
      let shown = Self.shown(scalar)
      cells.append((shown, scalar == "\t" ? 1 : shown.unicodeScalars.count, column))
      column += String(scalar).utf8.count
    }
    let first = cells.firstIndex { $0.column >= start } ?? cells.count
    let afterLast = max(first + 1, cells.firstIndex { $0.column >= end } ?? cells.count)
    let caret = cells[..<first].reduce(0) { $0 + $1.width }
    let total = cells.reduce(0) { $0 + $1.width }
    // The window of cells shown: all of them when they fit, else `context` columns before the caret.
    var from = 0, to = cells.count
    if total > maximumWidth {
      var width = 0
      from = first
      while from > 0, width + cells[from - 1].width <= min(Self.context, caret) {
        from -= 1
        width += cells[from].width
      }
      to = from
      var shownWidth = 0
      while to < cells.count, shownWidth + cells[to].width <= maximumWidth - 2 {
        shownWidth += cells[to].width
        to += 1
      }
    }
    let cutBefore = from > 0, cutAfter = to < cells.count
    text = (cutBefore ? "…" : "") + cells[from..<to].map(\.text).joined() + (cutAfter ? "…" : "")
    markerIndent = (cutBefore ? " " : "")
      + cells[from..<min(first, to)].map { $0.text == "\t" ? "\t" : String(repeating: " ", count: $0.width) }.joined()
    let marked = cells[min(first, cells.count)..<min(afterLast, max(to, first))].reduce(0) { $0 + $1.width }
    markerWidth = max(1, marked)
  }

  /// A character as shown: itself, or its escape when it is a control or an invisible format character.
  static func shown(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\t": return "\t"
    case "\0": return "\\0"
    case "\u{1B}": return "\\e"
    case "\r": return "\\r"
    default: break
    }
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse:
      return scalar.value < 0x100 ? "\\x" + hex(scalar.value, digits: 2) : "\\u{" + hex(scalar.value, digits: 4) + "}"
    default:
      return String(scalar)
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
