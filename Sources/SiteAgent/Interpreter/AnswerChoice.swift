/// How a user's answer relates to the options of the question it answers.
enum AnswerChoice: Equatable {
    /// No answer was given (a fresh request).
    case none
    /// The answer picks option `index` (0-based).
    case option(Int)
    /// The answer is free text that picks no option.
    case other(String)
}
