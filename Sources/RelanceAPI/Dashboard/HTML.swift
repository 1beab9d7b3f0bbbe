import Foundation

/// Writing HTML and SVG by hand: every text that comes from data goes through `escape`.
enum HTML {
    /// `text` safe in an element's content and in a quoted attribute, in HTML and in SVG.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
