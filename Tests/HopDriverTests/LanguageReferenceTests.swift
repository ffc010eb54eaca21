import Foundation
import HopTestSupport
import Testing

/// docs/language.md is the language reference the code and docs point to:
/// it exists, nothing points to the spec outside the repository any more,
/// and every `§N.M` cited next to it is a section it has.
@Suite struct LanguageReferenceTests {
  static let root = ExampleCatalog.projectRoot
  /// The old reference, spelled so that this file does not contain it.
  static let outsideSpec = "LANGUAGE" + ".md"

  /// The text files of the folders and files that may cite the reference.
  static func citingFiles() -> [URL] {
    var found = [root.appendingPathComponent("README.md")]
    for folder in ["Sources", "Tests", "docs", "examples", "grammar"] {
      let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
      while let url = walker?.nextObject() as? URL {
        if ["swift", "md", "hop", "ebnf", "c", "h"].contains(url.pathExtension) { found.append(url) }
      }
    }
    return found
  }

  /// The section numbers of docs/language.md's headings: `1`, `1.2`, ...
  static func sections() throws -> Set<String> {
    let text = try String(contentsOf: root.appendingPathComponent("docs/language.md"), encoding: .utf8)
    let heading = try Regex(#"^#{2,3} ([0-9]+(\.[0-9]+)?)\.? "#)
    return Set(text.split(separator: "\n").compactMap { line in
      (try? heading.firstMatch(in: String(line))).flatMap { $0.output[1].substring.map(String.init) }
    })
  }

  @Test func theReferenceHasTheThreeLayersAndTheCommands() throws {
    let sections = try Self.sections()
    #expect(sections.isSuperset(of: ["1", "2", "3", "4", "1.3", "2.5", "2.6", "3.3"]), "\(sections.sorted())")
  }

  @Test func nothingPointsToTheSpecOutsideTheRepository() throws {
    let files = Self.citingFiles()
    #expect(files.count > 50)
    for url in files {
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(!text.contains(Self.outsideSpec), "\(url.path)")
    }
  }

  @Test func everyCitedSectionExists() throws {
    let sections = try Self.sections()
    // `docs/language.md §2.6`, `[language.md](language.md) §3.2`, a `§` on the next `///` line.
    let citation = try Regex(#"language\.md\)?`?\)?\s*(///\s*)?§([0-9]+(\.[0-9]+)?)"#)
    var cited = 0
    for url in Self.citingFiles() {
      let text = try String(contentsOf: url, encoding: .utf8)
      for match in text.matches(of: citation) {
        let section = match.output[2].substring.map(String.init) ?? ""
        cited += 1
        #expect(sections.contains(section), "\(url.lastPathComponent) cites §\(section)")
      }
    }
    #expect(cited >= 20)
  }
}
