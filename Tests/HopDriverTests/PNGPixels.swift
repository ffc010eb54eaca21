import Foundation

/// The pixels of a PNG file, so a test can tell a screenshot that shows a
/// picture from a blank one. Foundation cannot decode images on Linux, and
/// the browser test must not depend on another program to look at its
/// screenshot, so this reads the 8-bit RGB/RGBA PNGs Chromium writes: the
/// chunks, zlib's inflate (after zlib's `puff.c`) and the scanline filters.
struct PNGPixels {
  enum Failure: Error { case notPNG, unsupported(String), corrupt(String) }

  let width: Int
  let height: Int
  /// Bytes per pixel: 3 (RGB) or 4 (RGBA).
  let channels: Int
  /// Row after row, `channels` bytes per pixel.
  let bytes: [UInt8]

  /// The pixel at column `x`, row `y` as red, green, blue.
  func rgb(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
    let offset = (y * width + x) * channels
    return (bytes[offset], bytes[offset + 1], bytes[offset + 2])
  }

  init(_ data: Data) throws {
    let file = [UInt8](data)
    guard file.count > 8, file.prefix(8) == [137, 80, 78, 71, 13, 10, 26, 10] else { throw Failure.notPNG }
    var offset = 8
    var header: [UInt8] = []
    var compressed: [UInt8] = []
    while offset + 8 <= file.count {
      let length = file[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
      let type = String(decoding: file[offset + 4..<offset + 8], as: UTF8.self)
      guard offset + 12 + length <= file.count else { throw Failure.corrupt("chunk \(type) runs past the end") }
      let body = Array(file[offset + 8..<offset + 8 + length])
      if type == "IHDR" { header = body }
      if type == "IDAT" { compressed += body }
      offset += 12 + length
      if type == "IEND" { break }
    }
    guard header.count == 13 else { throw Failure.corrupt("no IHDR") }
    func word(_ at: Int) -> Int { header[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    width = word(0)
    height = word(4)
    guard header[8] == 8, header[12] == 0 else { throw Failure.unsupported("bit depth \(header[8]), interlace \(header[12])") }
    switch header[9] {
    case 2: channels = 3
    case 6: channels = 4
    default: throw Failure.unsupported("colour type \(header[9])")
    }
    guard compressed.count > 2 else { throw Failure.corrupt("no image data") }
    var inflater = Inflater(Array(compressed.dropFirst(2)))
    let raw = try inflater.inflate()
    let stride = width * channels
    guard raw.count >= height * (stride + 1) else { throw Failure.corrupt("\(raw.count) bytes of scanlines") }
    var pixels = [UInt8](repeating: 0, count: height * stride)
    for row in 0..<height {
      let filter = raw[row * (stride + 1)]
      let line = row * (stride + 1) + 1
      for column in 0..<stride {
        let x = raw[line + column]
        let a = column >= channels ? Int(pixels[row * stride + column - channels]) : 0
        let b = row > 0 ? Int(pixels[(row - 1) * stride + column]) : 0
        let c = row > 0 && column >= channels ? Int(pixels[(row - 1) * stride + column - channels]) : 0
        let predicted: Int
        switch filter {
        case 0: predicted = 0
        case 1: predicted = a
        case 2: predicted = b
        case 3: predicted = (a + b) / 2
        case 4:
          let p = a + b - c
          let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
        default: throw Failure.corrupt("filter \(filter)")
        }
        pixels[row * stride + column] = UInt8((Int(x) + predicted) & 0xFF)
      }
    }
    bytes = pixels
  }
}

/// DEFLATE (RFC 1951) decoding: stored, fixed and dynamic Huffman blocks.
private struct Inflater {
  private let input: [UInt8]
  private var position = 0
  private var bitBuffer = 0
  private var bitCount = 0
  private var output: [UInt8] = []

  init(_ input: [UInt8]) { self.input = input }

  /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
  private struct Huffman {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

    init(lengths: [Int]) {
      for length in lengths { counts[length] += 1 }
      counts[0] = 0
      var offsets = [Int](repeating: 0, count: 16)
      for length in 1..<16 { offsets[length] = offsets[length - 1] + counts[length - 1] }
      symbols = [Int](repeating: 0, count: lengths.count)
      for (symbol, length) in lengths.enumerated() where length != 0 {
        symbols[offsets[length]] = symbol
        offsets[length] += 1
      }
    }
  }

  private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
                                   115, 131, 163, 195, 227, 258]
  private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                                     1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
  private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                      12, 12, 13, 13]

  private mutating func bits(_ count: Int) throws -> Int {
    while bitCount < count {
      guard position < input.count else { throw PNGPixels.Failure.corrupt("compressed data ends early") }
      bitBuffer |= Int(input[position]) << bitCount
      position += 1
      bitCount += 8
    }
    let value = bitBuffer & ((1 << count) - 1)
    bitBuffer >>= count
    bitCount -= count
    return value
  }

  private mutating func decode(_ code: Huffman) throws -> Int {
    var (value, first, index) = (0, 0, 0)
    for length in 1..<16 {
      value |= try bits(1)
      let count = code.counts[length]
      if value - count < first { return code.symbols[index + value - first] }
      index += count
      first = (first + count) << 1
      value <<= 1
    }
    throw PNGPixels.Failure.corrupt("bad Huffman code")
  }

  mutating func inflate() throws -> [UInt8] {
    var last = 0
    while last == 0 {
      last = try bits(1)
      switch try bits(2) {
      case 0: try stored()
      case 1: try codes(Self.fixed.literals, Self.fixed.distances)
      case 2:
        let (literals, distances) = try dynamicCodes()
        try codes(literals, distances)
      default: throw PNGPixels.Failure.corrupt("block type 3")
      }
    }
    return output
  }

  private mutating func stored() throws {
    bitBuffer = 0
    bitCount = 0
    guard position + 4 <= input.count else { throw PNGPixels.Failure.corrupt("stored block header") }
    let length = Int(input[position]) | Int(input[position + 1]) << 8
    position += 4
    guard position + length <= input.count else { throw PNGPixels.Failure.corrupt("stored block") }
    output += input[position..<position + length]
    position += length
  }

  private static let fixed: (literals: Huffman, distances: Huffman) = {
    let literals = (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
    return (Huffman(lengths: literals), Huffman(lengths: [Int](repeating: 5, count: 30)))
  }()

  private mutating func dynamicCodes() throws -> (Huffman, Huffman) {
    let literalCount = try bits(5) + 257, distanceCount = try bits(5) + 1, codeCount = try bits(4) + 4
    let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    var codeLengths = [Int](repeating: 0, count: 19)
    for index in 0..<codeCount { codeLengths[order[index]] = try bits(3) }
    let lengthCode = Huffman(lengths: codeLengths)
    var lengths: [Int] = []
    while lengths.count < literalCount + distanceCount {
      let symbol = try decode(lengthCode)
      switch symbol {
      case 0..<16: lengths.append(symbol)
      case 16:
        guard let previous = lengths.last else { throw PNGPixels.Failure.corrupt("repeat with no length") }
        lengths += [Int](repeating: previous, count: 3 + (try bits(2)))
      case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
      default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
      }
    }
    return (Huffman(lengths: Array(lengths[..<literalCount])), Huffman(lengths: Array(lengths[literalCount...])))
  }

  private mutating func codes(_ literals: Huffman, _ distances: Huffman) throws {
    while true {
      let symbol = try decode(literals)
      if symbol < 256 { output.append(UInt8(symbol)); continue }
      if symbol == 256 { return }
      let index = symbol - 257
      guard index < Self.lengthBase.count else { throw PNGPixels.Failure.corrupt("length symbol \(symbol)") }
      let length = Self.lengthBase[index] + (try bits(Self.lengthExtra[index]))
      let distanceSymbol = try decode(distances)
      guard distanceSymbol < Self.distanceBase.count else { throw PNGPixels.Failure.corrupt("distance symbol") }
      let distance = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
      guard distance <= output.count else { throw PNGPixels.Failure.corrupt("distance too far back") }
      let start = output.count - distance
      for step in 0..<length { output.append(output[start + step]) }
    }
  }
}
