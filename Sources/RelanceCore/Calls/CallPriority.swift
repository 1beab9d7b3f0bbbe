/// How urgent a call is, 0 to 1000 (higher first): the amount due weighs most, on a
/// logarithmic scale so that ten times the amount adds the same; each day late adds a little,
/// up to half a year.
///
/// - amount: 100 points per power of ten of the amount in major units (10 → 100, 1 000 → 300,
///   1 000 000 → 600), at most 600;
/// - lateness: 2 points per day late, at most 360 (180 days).
///
/// So 1 000 € 30 days late (360) comes before 100 € 60 days late (320), and a large debt only
/// a few days late still comes early.
public enum CallPriority {
    public static let maximum = 1000
    public static let maximumAmountPoints = 600
    public static let pointsPerDayLate = 2
    public static let maximumDaysCounted = 180

    /// The priority of a call about `amountDue` (principal plus penalties) owed `daysLate`
    /// days after the oldest due date.
    public static func score(amountDue: Money, daysLate: Int) -> Int {
        min(maximum, amountPoints(amountDue) + lateness(daysLate))
    }

    /// 100 × log10 of the amount in major units, from integers only: whole powers of ten, and
    /// the leading digits for the part between two of them.
    static func amountPoints(_ amount: Money) -> Int {
        let perMajor = Int64(amount.currency.minorUnitsPerMajor)
        let major = perMajor > 0 ? amount.minorUnits / perMajor : amount.minorUnits
        guard major >= 1 else { return 0 }
        var digits = 0, value = major
        while value >= 10 { value /= 10; digits += 1 }
        // The fraction of the next power of ten reached, from the first three digits (100…999):
        // log10(x/100) × 100 in whole points, by table-free linear steps between 1, 2, 5, 10.
        var lead = major
        while lead >= 1000 { lead /= 10 }
        while lead < 100 { lead *= 10 }
        let fraction: Int64 = switch lead {
        case ..<200: (lead - 100) * 30 / 100 // 1 → 2: 0…30 (log10 2 ≈ 0.30)
        case ..<500: 30 + (lead - 200) * 40 / 300 // 2 → 5: 30…70 (log10 5 ≈ 0.70)
        default: 70 + (lead - 500) * 30 / 500 // 5 → 10: 70…100
        }
        return min(maximumAmountPoints, digits * 100 + Int(fraction))
    }

    static func lateness(_ daysLate: Int) -> Int {
        min(max(0, daysLate), maximumDaysCounted) * pointsPerDayLate
    }
}
