/// The language a date is printed in for people. Raw values are BCP 47 tags.
public enum DateDisplayLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case french = "fr"
}
