import Foundation
import HopDriver
import HopTestSupport
import Testing

/// `hophop explain --format html` in a real browser (headless Chromium,
/// which scripts/install-deps.sh installs): the page loads without a console
/// message, its screenshot shows the first picture, and the keyboard and a
/// `#step-N` fragment move between commands. Without Chromium the test is
/// skipped, unless `CI` is set (CI installs it), where that is a failure.
@Suite(.serialized) struct ExplainPageBrowserTests {
  static let chromium: String? = ["chromium", "chromium-browser"].lazy.compactMap { name in
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }.first

  static let inCI = ProcessInfo.processInfo.environment["CI"] != nil

  /// Runs Chromium on `url` with `arguments`, stopped after 60 s if it hangs; its console messages
  /// (and any error thrown by a script) are the `CONSOLE` lines of its log on standard error.
  static func browse(_ browser: String, _ arguments: [String], profile: URL) throws -> ProcessRun {
    var flags = ["--headless", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=\(profile.path)",
                 "--enable-logging=stderr", "--v=0"]
    if getuid() == 0 { flags.append("--no-sandbox") }
    return try runProcess(URL(fileURLWithPath: "/usr/bin/timeout"), ["-k", "5", "60", browser] + flags + arguments)
  }

  static func consoleMessages(_ run: ProcessRun) -> [String] {
    run.errors.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
  }

  @Test(.enabled(if: (chromium != nil && RenderingTests.dotIsInstalled) || inCI,
                 "headless Chromium is not installed (scripts/install-deps.sh installs it; with CI set this fails)"))
  func thePageLoadsShowsTheFirstPictureAndStepsWithTheKeyboard() throws {
    let browser = try #require(Self.chromium, "chromium is not installed: run scripts/install-deps.sh")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // list_transfer's first state (put's precondition) is an endpoint, filled #dbe8f8, and a list.
    let path = ExampleCatalog.projectRoot.appendingPathComponent("examples/list_transfer.hop").path
    let html = try #require(ExplainPictureSession.page(path: path, options: .init()).html)
    let page = directory.appendingPathComponent("page.html")
    try html.write(to: page, atomically: true, encoding: .utf8)

    let screenshot = directory.appendingPathComponent("first.png")
    let shot = try Self.browse(browser, ["--window-size=1200,900", "--screenshot=\(screenshot.path)", page.absoluteString],
                               profile: directory.appendingPathComponent("profile"))
    #expect(shot.status == 0, "\(shot.errors.suffix(2_000))")
    #expect(Self.consoleMessages(shot).isEmpty, "\(Self.consoleMessages(shot))")
    let pixels = try PNGPixels(try Data(contentsOf: screenshot))
    var endpointFill = 0, white = 0
    for y in Swift.stride(from: 0, to: pixels.height, by: 2) {
      for x in Swift.stride(from: 0, to: pixels.width, by: 2) {
        let (r, g, b) = pixels.rgb(x, y)
        if abs(Int(r) - 0xdb) <= 3 && abs(Int(g) - 0xe8) <= 3 && abs(Int(b) - 0xf8) <= 3 { endpointFill += 1 }
        if r > 250 && g > 250 && b > 250 { white += 1 }
      }
    }
    let sampled = (pixels.height + 1) / 2 * ((pixels.width + 1) / 2)
    // The first picture's endpoint is on screen (a hexagon of some 150 × 100 pixels), and the page is not blank.
    #expect(endpointFill > 1_000, "\(endpointFill) pixels of the endpoint's fill")
    #expect(white < sampled * 97 / 100, "\(white) of \(sampled) sampled pixels are white")

    // The page in two frames: keys pressed in one, a #step-3 fragment opening the other.
    let harness = directory.appendingPathComponent("harness.html")
    try """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>harness</title></head><body>
      <p id="result">not run</p>
      <iframe id="keys" src="page.html" width="900" height="600"></iframe>
      <iframe id="fragment" src="page.html#step-3" width="900" height="600"></iframe>
      <script>
      function current(frame) {
        var step = frame.contentDocument.querySelector("section.step.current");
        return step ? step.id : "none";
      }
      function press(frame, key) {
        frame.contentDocument.dispatchEvent(new frame.contentWindow.KeyboardEvent("keydown", { key: key, bubbles: true }));
        return current(frame);
      }
      window.addEventListener("load", function () {
        var keys = document.getElementById("keys"), fragment = document.getElementById("fragment");
        var seen = [current(keys), press(keys, "j"), press(keys, "ArrowRight"), press(keys, "k"), press(keys, "ArrowLeft"),
                    press(keys, "ArrowLeft"), press(keys, "End"), press(keys, "Home")];
        var shown = keys.contentDocument.querySelectorAll("section.step").length;
        var visible = Array.prototype.filter.call(keys.contentDocument.querySelectorAll("section.step"), function (step) {
          return keys.contentWindow.getComputedStyle(step).display !== "none";
        }).length;
        press(keys, "j");
        document.getElementById("result").textContent = "keys: " + seen.join(" ") + "; visible: " + visible + " of "
          + shown + "; fragment: " + current(fragment) + "; hash: " + keys.contentWindow.location.hash;
      });
      </script>
      </body></html>
      """.write(to: harness, atomically: true, encoding: .utf8)
    let stepped = try Self.browse(browser, ["--allow-file-access-from-files", "--dump-dom", harness.absoluteString],
                                  profile: directory.appendingPathComponent("profile"))
    #expect(stepped.status == 0, "\(stepped.errors.suffix(2_000))")
    #expect(Self.consoleMessages(stepped).isEmpty, "\(Self.consoleMessages(stepped))")
    let steps = html.components(separatedBy: "<section class=\"step").count - 1
    #expect(stepped.output.contains("""
      keys: step-1 step-2 step-3 step-2 step-1 step-1 step-\(steps) step-1; visible: 1 of \(steps); \
      fragment: step-3; hash: #step-2
      """), "\(stepped.output.prefix(3_000))")
  }
}
