import Foundation
import HopDriver
import Testing

/// `JSONRenderer` on a value JSON cannot represent: an error document, not `{}`.
@Suite struct JSONRendererTests {
  struct NotANumber: Encodable {
    var value = Double.nan
  }

  @Test func aValueThatCannotBeEncodedGivesAnError() throws {
    let text = JSONRenderer.encode(NotANumber())
    let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let error = try #require(document["error"] as? [String: Any])
    #expect((error["message"] as? String)?.hasPrefix("the JSON output could not be encoded") == true)
    #expect(document["tool"] as? String == "hophop")
    // An encodable value is encoded as usual.
    #expect(JSONRenderer.encode(["a": 1]) == "{\n  \"a\" : 1\n}\n")
  }
}
