/// The xterm 256-colour palette's RGB values, and nearest-colour mapping into it.
enum Palette256 {
    /// The RGB of a palette index (xterm's defaults; 0–15 as xterm draws them).
    static func rgb(_ index: UInt8) -> (red: Int, green: Int, blue: Int) {
        let value = Int(index)
        switch value {
        case 0..<16:
            return basicRGB[value]
        case 16..<232:
            let cube = value - 16
            return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let grey = 8 + (value - 232) * 10
            return (grey, grey, grey)
        }
    }

    /// The index in 16–255 closest to an RGB value (0–15 are left out: terminals redefine them).
    static func nearestIndex(red: Int, green: Int, blue: Int) -> UInt8 {
        nearest(to: (red, green, blue), among: 16...255)
    }

    /// The basic colour (0–7) closest to a palette index; bright 8–15 map to their dim twins,
    /// and greys to black or white (the basic colours have no grey).
    static func nearestBasic(_ index: UInt8) -> UInt8 {
        if index < 8 { return index }
        if index < 16 { return index - 8 }
        let colour = rgb(index)
        if colour.red == colour.green, colour.green == colour.blue {
            return colour.red < 128 ? 0 : 7
        }
        return nearest(to: colour, among: 0...7)
    }

    private static func nearest(to target: (Int, Int, Int), among candidates: ClosedRange<UInt8>) -> UInt8 {
        candidates.min { distance(rgb($0), target) < distance(rgb($1), target) } ?? candidates.lowerBound
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let red = a.0 - b.0, green = a.1 - b.1, blue = a.2 - b.2
        return 2 * red * red + 4 * green * green + 3 * blue * blue
    }

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    private static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
