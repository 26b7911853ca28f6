/// Colour words CSS does not name ("deep blue", "charcoal", "burgundy"), mapped to shades that work on the web
/// (Tailwind-like 600–900 tones). Looked up after ``CSSNamedColors``, so an entry that is also a CSS name
/// ("red", "teal") is not used — except "dark blue" (see ``ColorPhrase/named(_:)``).
enum ColorWords {
    static let hex: [String: String] = [
        "blue": "#2563eb", "dark blue": "#1e3a8a", "navy blue": "#1e3a8a", "deep blue": "#1e40af",
        "light blue": "#93c5fd", "pale blue": "#dbeafe", "bright blue": "#0066ff", "sky blue": "#0ea5e9",
        "red": "#dc2626", "dark red": "#991b1b", "light red": "#fca5a5", "bright red": "#ef4444",
        "green": "#16a34a", "dark green": "#14532d", "light green": "#86efac", "forest green": "#166534",
        "bright green": "#22c55e",
        "orange": "#ea580c", "dark orange": "#c2410c", "light orange": "#fdba74", "bright orange": "#f97316",
        "yellow": "#facc15", "dark yellow": "#ca8a04", "light yellow": "#fef9c3",
        "purple": "#7c3aed", "dark purple": "#4c1d95", "light purple": "#c4b5fd",
        "pink": "#db2777", "dark pink": "#9d174d", "light pink": "#f9a8d4", "hot pink": "#ec4899",
        "teal": "#0d9488", "dark teal": "#134e4a", "cyan": "#06b6d4",
        "gray": "#6b7280", "grey": "#6b7280", "dark gray": "#374151", "dark grey": "#374151",
        "light gray": "#e5e7eb", "light grey": "#e5e7eb", "charcoal": "#1f2937", "slate": "#475569",
        "brown": "#92400e", "dark brown": "#78350f", "gold": "#ca8a04", "indigo": "#4f46e5",
        "violet": "#7c3aed", "magenta": "#c026d3", "lime": "#65a30d", "emerald": "#059669", "amber": "#f59e0b",
        "rose": "#e11d48", "burgundy": "#7f1d1d", "wine": "#7f1d1d", "cream": "#fffbeb", "chocolate brown": "#4e2a1e", "coffee": "#6f4e37", "coffee brown": "#6f4e37", "off white": "#fafaf9",
        "off-white": "#fafaf9", "mint": "#6ee7b7", "sand": "#e7e5e4", "black": "#000000", "white": "#ffffff",
        "terracotta": "#b04a2a", "sage": "#7d9a6f", "sage green": "#7d9a6f", "mustard": "#c99a06", "rust": "#b7410e",
        "ochre": "#b8731b", "mauve": "#b784a7", "blush": "#de5d83", "moss": "#6b7c3a", "moss green": "#6b7c3a",
        "midnight": "#191970", "cobalt": "#0047ab", "cobalt blue": "#0047ab", "denim": "#1560bd", "lilac": "#b497c9",
        "bordeaux": "#6d1a2b", "stone": "#78716c", "clay": "#b66a50", "petrol": "#1f5f6b", "bottle green": "#0f4d32",
    ]
}
