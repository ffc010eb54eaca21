/// Text inside Graphviz's DOT language, the one quoting every picture uses
/// (contracts and heaps): a quoted string, and text inside an HTML-like label.
public enum DOTText {
  /// `text` as a DOT string: in double quotes, with `"` and `\` escaped and newlines as centred line breaks.
  public static func quoted(_ text: String) -> String {
    var result = "\""
    for character in text {
      switch character {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      default: result.append(character)
      }
    }
    return result + "\""
  }

  /// `text` inside a Graphviz HTML-like label.
  public static func html(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }
}
