import HopSyntax
import Testing

/// "Did you mean ...?": the edit-distance rule, and each place the front end
/// suggests a fix (misspelled keywords and names, `&&` and `->` in formulas).
@Suite struct SuggestionTests {
  /// The front end's diagnostics as `"HH020 2:10 -> put"`: code, start, and the suggested word, if any.
  func frontEnd(_ text: String) -> [String] {
    let file = SourceFile(path: "t.hop", text: text)
    return Frontend.analyze(file).diagnostics.map { diagnostic in
      let suggestion = diagnostic.notes.lazy.compactMap { Self.suggested(in: $0.message) }.first
      return "\(diagnostic.code) \(file.location(of: diagnostic.range.start))" + (suggestion.map { " -> \($0)" } ?? "")
    }
  }

  /// The word of a "did you mean 'X'?" note.
  static func suggested(in note: String) -> String? {
    guard note.hasPrefix("did you mean '"), note.hasSuffix("'?") else { return nil }
    return String(note.dropFirst("did you mean '".count).dropLast(2))
  }

  func messages(_ text: String) -> [String] {
    Frontend.analyze(SourceFile(path: "t.hop", text: text)).diagnostics.map(\.message)
  }

  // MARK: The rule

  @Test func editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
    func distance(_ a: String, _ b: String) -> Int {
      Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
    #expect(distance("dispose", "dispose") == 0)
    #expect(distance("dispse", "dispose") == 1)
    #expect(distance("disposee", "dispose") == 1)
    #expect(distance("dixpose", "dispose") == 1)
    #expect(distance("dipsose", "dispose") == 1)
    #expect(distance("", "abc") == 3)
    #expect(distance("abc", "") == 3)
    #expect(distance("kitten", "sitting") == 3)
  }

  @Test func onlyCloseCandidatesAreSuggested() {
    #expect(Suggestion.closest(to: "dispse", among: ["dispose", "delete"]) == "dispose")
    // At most two edits, and fewer than half the letters written.
    #expect(Suggestion.closest(to: "dspse", among: ["dispose"]) == "dispose")
    #expect(Suggestion.closest(to: "dspe", among: ["dispose"]) == nil)
    #expect(Suggestion.closest(to: "abcd", among: ["abxy"]) == nil)
    #expect(Suggestion.closest(to: "fi", among: ["if"]) == nil)
    #expect(Suggestion.closest(to: "x", among: ["y"]) == nil)
    #expect(Suggestion.closest(to: "iff", among: ["if"]) == "if")
    // The written name itself is no suggestion; ties go to the alphabetically first.
    #expect(Suggestion.closest(to: "put", among: ["put"]) == nil)
    #expect(Suggestion.closest(to: "cat", among: ["cut", "bat"]) == "bat")
    #expect(Suggestion.closest(to: "anything", among: [String]()) == nil)
  }

  // MARK: Keywords

  @Test func misspelledStatementKeywordsAreNamed() {
    #expect(frontEnd("f(x) { dispse x; }") == ["HH010 1:8 -> dispose"])
    #expect(frontEnd("f() { lcoal x; }") == ["HH010 1:7 -> local"])
    #expect(frontEnd("f(x) { whil (x != NULL) { x = x; } }") == ["HH010 1:8 -> while"])
    #expect(frontEnd("f(x) { iff (x == NULL) x = NULL; }") == ["HH010 1:8 -> if"])
    #expect(frontEnd("f(x) { if (x == NULL) { x = x; } esle { x = NULL; } }") == ["HH010 1:34 -> else"])
    #expect(frontEnd("global g;\nasync w(a) {}\nasync f() { pst w(1); }") == ["HH010 3:13 -> post"])
    #expect(messages("f(x) { dispse x; }") == ["unknown statement 'dispse'"])
    // Recovery skips the bad statement only.
    #expect(frontEnd("f(x) { dispse x; y = ; }") == ["HH010 1:8 -> dispose", "HH010 1:22"])
  }

  @Test func namesThatLookLikeKeywordsAreLeftAlone() {
    #expect(frontEnd("f(x) { dispse = x; disposee(x); dispse->tl = x; }\ndisposee(y) {}") == [])
    // Far from every keyword: the ordinary syntax error, with no suggestion.
    #expect(frontEnd("f(x) { zzzz x; }") == ["HH010 1:13"])
  }

  @Test func misspelledCommandWordsAreNamed() {
    #expect(frontEnd("f(x) { x = nwe(); }") == ["HH010 1:12 -> new"])
    #expect(frontEnd("message m\nf(e) { x = recieve(m, e); }") == ["HH010 2:12 -> receive"])
    #expect(frontEnd("contract C {}\nf() { (e, g) = opne(C); }") == ["HH010 2:16 -> open"])
    #expect(frontEnd("contract C { initial final stat s {} }") == ["HH010 1:28 -> state"])
    // Not close to the word expected: no suggestion.
    #expect(frontEnd("f(x) { x = foo(); }") == ["HH010 1:15"])
  }

  @Test func misspelledDeclarationKeywordsAndPredicatesAreNamed() {
    #expect(frontEnd("mesage m\nf() {}") == ["HH010 1:1 -> message"])
    #expect(frontEnd("contrct C { initial final state s {} }") == ["HH010 1:1 -> contract"])
    #expect(frontEnd("f(x) [lsg(x, NULL)] {}") == ["HH010 1:7 -> lseg"])
    #expect(frontEnd("f(x) [foo(x)] {}") == ["HH010 1:10"])
  }

  // MARK: Names in scope

  @Test func misspelledNamesSuggestTheDeclaredNameOfTheirKind() {
    #expect(frontEnd("push(x) {}\nmain() { psh(1); }") == ["HH020 2:10 -> push"])
    #expect(frontEnd("hd, tl;\nf(x) { y = x->hdd; }") == ["HH020 2:15 -> hd"])
    #expect(frontEnd("message cell\nf(e, x) { send(cel, e, x); }") == ["HH020 2:16 -> cell"])
    #expect(frontEnd("resource buf(c) [emp]\nf() { with bfu when (true) {} }") == ["HH020 2:12 -> buf"])
    #expect(frontEnd("contract Chan { initial final state s {} }\nf() { (e, g) = open(Chna); }")
            == ["HH020 2:21 -> Chan"])
    #expect(frontEnd("global count;\nasync f() { cuont = 1; }") == ["HH020 2:13 -> count"])
    #expect(frontEnd("async write(x) {}\nasync f() { post wrte(1); }") == ["HH020 2:18 -> write"])
    // A channel command and `dispose` are suggested for a call to an undeclared name.
    #expect(frontEnd("f(x) { dispse(x); }") == ["HH020 1:8 -> dispose"])
    #expect(frontEnd("main(e, f) { clse(e, f); }") == ["HH020 1:14 -> close"])
  }

  @Test func namesOfAnotherKindOrFarAwayAreNotSuggested() {
    // `cell` is a message, not a procedure; `qqq` is close to nothing.
    #expect(frontEnd("message cell\nmain() { cel(); }") == ["HH020 2:10"])
    #expect(frontEnd("put(x) {}\nmain() { qqq(1); }") == ["HH020 2:10"])
  }

  @Test func contractStatesAreNamedAsStatesOfTheirContract() {
    let contract = "contract C { initial state ready { !m -> dnoe; } final state done {} }\nmessage m\n"
    #expect(frontEnd(contract) == ["HH020 1:42 -> done"])
    #expect(messages(contract) == ["contract 'C' has no state 'dnoe'"])
    let endpoint = "contract C { initial final state done {} }\nf(e) [e |-> C{zzz}] {} [e |-> C{doen}]"
    #expect(frontEnd(endpoint) == ["HH020 2:15", "HH020 2:33 -> done"])
    #expect(messages("contract C { initial final state a {} state a {} }") == ["duplicate state 'a' in contract 'C'"])
  }

  // MARK: Formulas

  @Test func ampersandsInAFormulaAskForTheStar() {
    let text = "f(x, y) [x |-> 1 && y |-> 2] {} [x |-> 1 * y |-> 2]"
    #expect(frontEnd(text) == ["HH010 1:18"])
    #expect(messages(text).first?.contains("use '*'") == true)
    // The rest of the formula is still read: a later error is found, nothing cascades.
    #expect(frontEnd("f(x, y) [x |-> && y |-> 2 && ] {}") == ["HH010 1:16", "HH010 1:27", "HH010 1:30"])
    // `&&` stays the conjunction of program conditions and of async specifications.
    #expect(frontEnd("f(x, y) { if (x == y && y == NULL) { x = y; } }") == [])
    #expect(frontEnd("global g;\nasync f(x) [x == 1 && g == 2] {}") == [])
  }

  @Test func arrowInAFormulaAsksForPointsTo() {
    let text = "f(x) [x -> 1] {} [x |-> 1]"
    #expect(frontEnd(text) == ["HH010 1:9"])
    #expect(messages(text).first?.contains("use '|->'") == true)
    #expect(frontEnd("f(x) [x -> 1 && x -> 2] {}") == ["HH010 1:9", "HH010 1:14", "HH010 1:19"])
    // In a command, `->` is a field access.
    #expect(frontEnd("f(x) [x |-> 1] { y = x->tl; } [x |-> 1]") == [])
  }

  // MARK: One error per mistake

  @Test func callingAnAsyncProcedureIsOneError() {
    #expect(frontEnd("async w(x) {}\nasync main() { w(1); }") == ["HH025 2:16"])
    #expect(frontEnd("async w(x) {}\nmain() { w(1); }") == ["HH025 2:10"])
    // Calling a sync procedure from an async one stays a layer error.
    #expect(frontEnd("s(x) {}\nasync main() { s(1); }") == ["HH012 2:16"])
  }
}
