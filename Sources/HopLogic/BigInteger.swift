import CGMP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exact integer backed by GMP, so that no literal of a Hop program or an
/// SMT-LIB file can overflow. Immutable value semantics: operations return
/// new values; the GMP storage is owned by a private final class.
public struct BigInteger: Hashable, Comparable, Sendable, CustomStringConvertible {
  private let storage: Storage

  private final class Storage: @unchecked Sendable {
    var value = __mpz_struct()
    init() { __gmpz_init(&value) }
    deinit { __gmpz_clear(&value) }
  }

  public init(_ value: Int) {
    storage = Storage()
    __gmpz_set_si(&storage.value, value)
  }

  /// Parses decimal digits with an optional leading `-`; nil for anything else.
  public init?(_ text: String) {
    let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    storage = Storage()
    guard __gmpz_set_str(&storage.value, text, 10) == 0 else { return nil }
  }

  private init(storage: Storage) { self.storage = storage }

  private static func combine(_ a: BigInteger, _ b: BigInteger,
                              _ operation: (UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>,
                                            UnsafePointer<__mpz_struct>) -> Void) -> BigInteger {
    let result = Storage()
    operation(&result.value, &a.storage.value, &b.storage.value)
    return BigInteger(storage: result)
  }

  public static func + (a: BigInteger, b: BigInteger) -> BigInteger { combine(a, b) { __gmpz_add($0, $1, $2) } }
  public static func - (a: BigInteger, b: BigInteger) -> BigInteger { combine(a, b) { __gmpz_sub($0, $1, $2) } }
  public static func * (a: BigInteger, b: BigInteger) -> BigInteger { combine(a, b) { __gmpz_mul($0, $1, $2) } }
  public static prefix func - (a: BigInteger) -> BigInteger { BigInteger(0) - a }
  /// C's quotient, truncated toward zero (`-3 / 2 == -1`); `b` must not be 0.
  public static func / (a: BigInteger, b: BigInteger) -> BigInteger { combine(a, b) { __gmpz_tdiv_q($0, $1, $2) } }
  /// C's remainder, with the sign of the dividend (`-7 % 2 == -1`); `b` must not be 0.
  public static func % (a: BigInteger, b: BigInteger) -> BigInteger { combine(a, b) { __gmpz_tdiv_r($0, $1, $2) } }
  /// Bitwise exclusive or, in two's complement as for machine integers.
  public static func ^ (a: BigInteger, b: BigInteger) -> BigInteger { combine(a, b) { __gmpz_xor($0, $1, $2) } }

  /// The machine integer of this value, nil when it does not fit in 64 bits.
  public var exactInt: Int? {
    __gmpz_fits_slong_p(&storage.value) != 0 ? __gmpz_get_si(&storage.value) : nil
  }

  public var isZero: Bool { signum == 0 }
  public var signum: Int { Int(__gmpz_cmp_si(&storage.value, 0).signum()) }

  public static func == (a: BigInteger, b: BigInteger) -> Bool { __gmpz_cmp(&a.storage.value, &b.storage.value) == 0 }
  public static func < (a: BigInteger, b: BigInteger) -> Bool { __gmpz_cmp(&a.storage.value, &b.storage.value) < 0 }
  /// Hashes the machine integer when the value fits in one (every literal of a real program), else the digits.
  public func hash(into hasher: inout Hasher) {
    if __gmpz_fits_slong_p(&storage.value) != 0 {
      hasher.combine(__gmpz_get_si(&storage.value))
    } else {
      hasher.combine(description)
    }
  }

  public var description: String {
    guard let digits = __gmpz_get_str(nil, 10, &storage.value) else { return "?" }
    defer { free(digits) }
    return String(cString: digits)
  }
}
