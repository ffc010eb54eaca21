import Testing
@testable import HopSyntax
@Test func HopSyntaxModuleLoads() { #expect(Bool(true)) }
