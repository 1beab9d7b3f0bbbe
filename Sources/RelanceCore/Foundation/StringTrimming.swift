extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmedWhitespace: Substring {
        let s = Substring(self)
        guard let start = s.firstIndex(where: { !$0.isWhitespace }),
              let end = s.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return s[start...end]
    }
}
