import Foundation

/// How figures read in text: shares as percentages, hours with one decimal, `—` for none.
public enum FigureText {
    public static func percent(_ share: Double?) -> String {
        guard let share else { return "—" }
        return String(format: "%.1f%%", share * 100)
    }

    public static func hours(_ hours: Double?) -> String {
        guard let hours else { return "—" }
        return String(format: "%.1f h", hours)
    }
}
