import ROPGDomain
import ROPGText

/// Reads the one-line form earlier files kept a saved hit plan in — exactly what
/// `HitPlanSpec.text` wrote: "SKU start=DAY test=N ramp=N peak=N hold=N test-units=N/day
/// peak-units=N/day hold-level=P% cpc=D paid-share=P%[,P%,P%,P%] related=D lead-time=N safety=P%".
/// Storage reads it itself rather than through the command parser, so the layers stay apart.
public enum LegacyHitPlan {
    public struct Failure: Error { var message: String }

    public static func spec(_ text: String) throws(Failure) -> HitPlanSpec {
        let words = text.split(separator: " ").map(String.init)
        guard let sku = words.first, !sku.contains("=") else { throw Failure(message: phrase("the plan does not start with a SKU")) }
        var values: [String: String] = [:]
        for word in words.dropFirst() {
            guard let equals = word.firstIndex(of: "=") else { throw Failure(message: phrase("\"{word}\" is not key=value", ["word": word])) }
            values[String(word[..<equals])] = String(word[word.index(after: equals)...])
        }
        func value(_ key: String) throws(Failure) -> String {
            guard let found = values[key] else { throw Failure(message: phrase("the plan has no {key}=", ["key": key])) }
            return found
        }
        func number(_ key: String, rate: Bool = false) throws(Failure) -> ExactDecimal {
            var text = try value(key)
            if text.hasSuffix("/day") { text.removeLast(4) }
            do throws(NumberError) { return rate ? try NumberGrammar.rate(text) : try NumberGrammar.amount(text) } catch {
                throw Failure(message: phrase("{key}={value}: {problem}", ["key": key, "value": text, "problem": error.message]))
            }
        }
        func days(_ key: String) throws(Failure) -> Int {
            guard let count = Int(try value(key)), count >= 0, count <= 3_660 else { throw Failure(message: phrase("{key}= is not a number of days", ["key": key])) }
            return count
        }
        guard let start = Day(isoText: try value("start")) else { throw Failure(message: phrase("start= is not a day")) }
        var shares: [ExactDecimal] = []
        for part in try value("paid-share").split(separator: ",") {
            do throws(NumberError) { shares.append(try NumberGrammar.rate(String(part))) } catch { throw Failure(message: phrase("paid-share=: {problem}", ["problem": error.message])) }
        }
        guard shares.count == 1 || shares.count == 4, shares.allSatisfy({ !$0.isNegative && $0 <= .one }) else {
            throw Failure(message: phrase("paid-share= needs 1 or 4 shares from 0% to 100%"))
        }
        var spec = HitPlanSpec(sku: sku, start: start, cpc: try number("cpc"), paidShares: shares.count == 1 ? Array(repeating: shares[0], count: 4) : shares)
        spec.phaseDays = [try days("test"), try days("ramp"), try days("peak"), try days("hold")]
        guard spec.totalDays > 0 else { throw Failure(message: phrase("the plan has no days")) }
        spec.testUnits = try number("test-units")
        spec.peakUnits = try number("peak-units")
        spec.holdLevel = try number("hold-level", rate: true)
        spec.related = try number("related")
        spec.leadTime = try days("lead-time")
        spec.safety = try number("safety", rate: true)
        return spec
    }
}
