import HelpCenterDiagnostics

/// Names must be unique across the suite (articles embed scenarios by name): a name already
/// used in an earlier file is an error at the later scenario's name. Files come in order.
struct NameRegistry {
    private var firstUse: [String: SourceLocation] = [:]

    /// Adds the errors; whether there were any.
    @discardableResult
    mutating func reportDuplicates(in file: inout FileReport) -> Bool {
        var found = false
        var inThisFile = Set<String>()
        for index in file.scenarios.indices {
            let scenario = file.scenarios[index]
            if let first = firstUse[scenario.name], first.path != scenario.location.path {
                guard inThisFile.insert(scenario.name).inserted else { continue }
                file.scenarios[index].findings.append(
                    .scenarioError(
                        "duplicate scenario name '\(scenario.name)' (first used at \(first)); names are unique across the suite, because articles embed scenarios by name",
                        at: scenario.location, scenario: scenario.name
                    ))
                file.scenarios[index].findings.sort()
                found = true
            } else if firstUse[scenario.name] == nil {
                firstUse[scenario.name] = scenario.location
            }
        }
        return found
    }
}
