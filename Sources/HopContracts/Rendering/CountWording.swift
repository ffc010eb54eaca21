/// Counts as the tables and witnesses print them: digits grouped by
/// thousands (`9,990`, so large bounds are readable) and the noun in the
/// singular for exactly one (`1 configuration`, `2 configurations`).
enum CountWording {
  /// `n` with its digits grouped by thousands: `100000` → `100,000`.
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (n < 0 ? "-" : "") + result
  }

  /// `n` and the noun: `1 configuration`, `6 configurations` (`plural` defaults to `singular` + "s").
  static func counted(_ n: Int, _ singular: String, plural: String? = nil) -> String {
    "\(grouped(n)) \(n == 1 ? singular : plural ?? singular + "s")"
  }

  /// At most `limit` names, then `and N more`: `a, b, c and 9,990 more`.
  static func capped(_ names: [String], limit: Int) -> String {
    guard names.count > limit else { return names.joined(separator: ", ") }
    return names.prefix(limit).joined(separator: ", ") + " and \(grouped(names.count - limit)) more"
  }
}
