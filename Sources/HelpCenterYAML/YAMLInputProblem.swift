import HelpCenterDiagnostics

/// Why a file's bytes or text can't be used as YAML, and where.
public typealias YAMLInputProblem = TextProblem
