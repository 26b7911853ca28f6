import Foundation

/// ArgumentParser's bash script sees `blog@3` as three words (`blog`, `@`, `3`): bash splits at the characters in
/// `COMP_WORDBREAKS`, which hold `@`, so `SITE@V` arguments never completed past the `@`. The script is post-processed
/// here: the generated `_sitectl` becomes `__sitectl_complete`, and a new `_sitectl` joins the words around `@`
/// again, runs it on the joined words, and hands bash back only what it replaces (the text from the last `@`), with
/// filename quoting off so `@` is not written as `\@`, and no space after a bare `SITE@`.
enum BashCompletionFix {
    static let wrapper = #"""

        # sitectl names versions SITE@REF, but bash splits words at '@' (COMP_WORDBREAKS). Join them again, complete the
        # joined word, and give bash back the part it replaces: the text from the last '@' on.
        _sitectl() {
            local -a __sitectl_words=()
            local -i __sitectl_cword=0 __sitectl_i
            local __sitectl_rest="${COMP_LINE}" __sitectl_word __sitectl_glued
            for ((__sitectl_i = 0; __sitectl_i < ${#COMP_WORDS[@]}; __sitectl_i++)); do
                __sitectl_word="${COMP_WORDS[${__sitectl_i}]}"
                __sitectl_glued=true
                if [[ "${__sitectl_rest}" =~ ^[[:space:]]+ ]]; then
                    __sitectl_glued=false
                    __sitectl_rest="${__sitectl_rest:${#BASH_REMATCH[0]}}"
                fi
                __sitectl_rest="${__sitectl_rest:${#__sitectl_word}}"
                if ((__sitectl_i > 0)) && "${__sitectl_glued}" \
                    && [[ "${__sitectl_word}" == @* || "${__sitectl_words[${#__sitectl_words[@]} - 1]}" == *@ ]]; then
                    __sitectl_words[${#__sitectl_words[@]} - 1]+="${__sitectl_word}"
                else
                    __sitectl_words+=("${__sitectl_word}")
                fi
                ((__sitectl_i == COMP_CWORD)) && __sitectl_cword=$((${#__sitectl_words[@]} - 1))
            done
            local -a COMP_WORDS=("${__sitectl_words[@]}")
            local -i COMP_CWORD=${__sitectl_cword}
            local __sitectl_cur="${COMP_WORDS[${COMP_CWORD}]}" __sitectl_prev=""
            ((COMP_CWORD > 0)) && __sitectl_prev="${COMP_WORDS[$((COMP_CWORD - 1))]}"
            __sitectl_complete "${1}" "${__sitectl_cur}" "${__sitectl_prev}"
            if [[ "${__sitectl_cur}" == *@* ]]; then
                local __sitectl_head="${__sitectl_cur%@*}"
                for __sitectl_i in "${!COMPREPLY[@]}"; do
                    COMPREPLY[${__sitectl_i}]="${COMPREPLY[${__sitectl_i}]#"${__sitectl_head}"}"
                done
                compopt +o filenames 2>/dev/null
            elif [[ ${#COMPREPLY[@]} -gt 0 && "${COMPREPLY[*]}" == *@ ]]; then
                compopt +o filenames -o nospace 2>/dev/null
            fi
        }

        """#

    static func apply(to script: String) -> String {
        guard let start = script.range(of: "\n_sitectl() {\n"),
              let register = script.range(of: "\ncomplete -o filenames -F _sitectl sitectl", options: .backwards) else {
            return script
        }
        return String(script[..<start.lowerBound]) + "\n__sitectl_complete() {\n"
            + String(script[start.upperBound..<register.lowerBound]) + wrapper + String(script[register.lowerBound...])
    }
}
