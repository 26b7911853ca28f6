#!/bin/bash

__sitectl_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__sitectl_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__sitectl_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__sitectl_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

__sitectl_complete() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    daemon|register|login|logout|whoami|auth|context|sites|agents|chat|requests|jobs|versions|build|serve|themes|tui|doctor|version|environment|completion|help)
        # Offer subcommand argument completions
        "_sitectl_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'daemon register login logout whoami auth context sites agents chat requests jobs versions build serve themes tui doctor version environment completion help' -- "${cur}"))
        ;;
    esac
}

_sitectl_daemon() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    start|stop|restart|status|logs)
        # Offer subcommand argument completions
        "_sitectl_daemon_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'start stop restart status logs' -- "${cur}"))
        ;;
    esac
}

_sitectl_daemon_start() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --foreground --insecure-listen --wait --browser-checks --no-browser-checks --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --data-dir --listen --tls-cert --tls-key --serve --serve-cache-mb --serve-threads --serve-tls --acme-directory --acme-email --acme-ca-cert --acme-renew-days --access-log --workers --timeout --agent-config --compile-cpu-seconds --compile-memory-mb --quota-sites --quota-versions --quota-mb --quota-requests-per-hour --max-import-mb --shutdown-timeout --scrub-interval)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion daemon start -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--data-dir')
        return
        ;;
    '--listen')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    '--serve')
        return
        ;;
    '--serve-cache-mb')
        return
        ;;
    '--serve-threads')
        return
        ;;
    '--serve-tls')
        return
        ;;
    '--acme-directory')
        return
        ;;
    '--acme-email')
        return
        ;;
    '--acme-ca-cert')
        return
        ;;
    '--acme-renew-days')
        return
        ;;
    '--access-log')
        return
        ;;
    '--workers')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agent-config')
        return
        ;;
    '--compile-cpu-seconds')
        return
        ;;
    '--compile-memory-mb')
        return
        ;;
    '--quota-sites')
        return
        ;;
    '--quota-versions')
        return
        ;;
    '--quota-mb')
        return
        ;;
    '--quota-requests-per-hour')
        return
        ;;
    '--max-import-mb')
        return
        ;;
    '--shutdown-timeout')
        return
        ;;
    '--scrub-interval')
        return
        ;;
    esac
}

_sitectl_daemon_stop() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --timeout)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion daemon stop -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_sitectl_daemon_restart() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --timeout)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion daemon restart -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_sitectl_daemon_status() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --wait --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --timeout)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion daemon status -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_sitectl_daemon_logs() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--follow -f --json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --tail --since --context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--tail')
        return
        ;;
    '--since')
        return
        ;;
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion daemon logs -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_register() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --password-stdin --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --email)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion register -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--email')
        return
        ;;
    esac
}

_sitectl_login() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --password-stdin --token-stdin --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --email)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion login -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--email')
        return
        ;;
    esac
}

_sitectl_logout() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --all --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion logout -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_whoami() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion whoami -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_auth() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    status|token)
        # Offer subcommand argument completions
        "_sitectl_auth_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'status token' -- "${cur}"))
        ;;
    esac
}

_sitectl_auth_status() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion auth status -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_auth_token() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|revoke)
        # Offer subcommand argument completions
        "_sitectl_auth_token_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list revoke' -- "${cur}"))
        ;;
    esac
}

_sitectl_auth_token_create() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --name --expires)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion auth token create -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--name')
        return
        ;;
    '--expires')
        return
        ;;
    esac
}

_sitectl_auth_token_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion auth token list -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_auth_token_revoke() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion auth token revoke -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_context() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|show|use|update|remove|test)
        # Offer subcommand argument completions
        "_sitectl_context_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list show use update remove test' -- "${cur}"))
        ;;
    esac
}

_sitectl_context_create() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --use --version -h --help)
    repeating_options=(--ssh-option)
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --remote-bin --remote-socket --ca-cert --description)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context create -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--remote-bin')
        return
        ;;
    '--remote-socket')
        return
        ;;
    '--ssh-option')
        return
        ;;
    '--ca-cert')
        return
        ;;
    '--description')
        return
        ;;
    esac
}

_sitectl_context_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context list -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_context_show() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context show -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context show -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_context_use() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context use -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context use -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_context_update() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --clear-ssh-options --version -h --help)
    repeating_options=(--ssh-option)
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --remote-bin --remote-socket --ca-cert --description)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context update -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--remote-bin')
        return
        ;;
    '--remote-socket')
        return
        ;;
    '--ssh-option')
        return
        ;;
    '--ca-cert')
        return
        ;;
    '--description')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context update -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_context_remove() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context remove -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context remove -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_context_test() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context test -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion context test -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_sites() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|show|enable|disable|agent|alias|delete)
        # Offer subcommand argument completions
        "_sitectl_sites_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list show enable disable agent alias delete' -- "${cur}"))
        ;;
    esac
}

_sitectl_sites_create() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --theme --description --from)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites create -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--theme')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites create -- --theme "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '--description')
        return
        ;;
    '--from')
        return
        ;;
    esac
}

_sitectl_sites_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --status --limit --cursor --search --sort)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites list -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--status')
        return
        ;;
    '--limit')
        return
        ;;
    '--cursor')
        return
        ;;
    '--search')
        return
        ;;
    '--sort')
        return
        ;;
    esac
}

_sitectl_sites_show() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites show -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites show -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_sites_enable() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites enable -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites enable -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_sites_disable() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites disable -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites disable -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_sites_agent() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --clear --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --profile)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites agent -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--profile')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites agent -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_sites_alias() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|add|remove)
        # Offer subcommand argument completions
        "_sitectl_sites_alias_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list add remove' -- "${cur}"))
        ;;
    esac
}

_sitectl_sites_alias_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites alias list -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites alias list -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_sites_alias_add() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --redirect-to)
    __sitectl_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites alias add -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--redirect-to')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites alias add -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_sites_alias_remove() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites alias remove -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites alias remove -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_sites_delete() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites delete -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion sites delete -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_agents() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list)
        # Offer subcommand argument completions
        "_sitectl_agents_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list' -- "${cur}"))
        ;;
    esac
}

_sitectl_agents_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion agents list -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_chat() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --wait --follow --version -h --help)
    repeating_options=(--answer)
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --file)
    __sitectl_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion chat -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--file')
        return
        ;;
    '--answer')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion chat -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_requests() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|answer|cancel)
        # Offer subcommand argument completions
        "_sitectl_requests_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show answer cancel' -- "${cur}"))
        ;;
    esac
}

_sitectl_requests_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --site --state --limit)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion requests list -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--site')
        return
        ;;
    '--state')
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_sitectl_requests_show() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion requests show -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion requests show -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_requests_answer() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --wait --follow --version -h --help)
    repeating_options=(--answer)
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion requests answer -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--answer')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion requests answer -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_requests_cancel() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion requests cancel -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion requests cancel -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_jobs() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|logs|wait|cancel|retry)
        # Offer subcommand argument completions
        "_sitectl_jobs_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show logs wait cancel retry' -- "${cur}"))
        ;;
    esac
}

_sitectl_jobs_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers -w --watch --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --site --state --limit)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs list -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--site')
        return
        ;;
    '--state')
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_sitectl_jobs_show() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs show -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs show -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_jobs_logs() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --follow -f --timestamps --exit-status --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --tail)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs logs -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--tail')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs logs -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_jobs_wait() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --timeout)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs wait -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs wait -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_jobs_cancel() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs cancel -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs cancel -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_jobs_retry() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --follow --wait --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs retry -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion jobs retry -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_versions() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|diff|deploy|preview|rollback|download|delete)
        # Offer subcommand argument completions
        "_sitectl_versions_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show diff deploy preview rollback download delete' -- "${cur}"))
        ;;
    esac
}

_sitectl_versions_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --limit)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions list -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--limit')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions list -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_versions_show() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --log --transcript --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --screenshot)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions show -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--screenshot')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions show -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_versions_diff() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --stat --name-only --exit-code --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions diff -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions diff -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions diff -- positional@1 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_versions_deploy() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --force --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions deploy -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions deploy -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_versions_preview() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --print-url --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --port)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions preview -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--port')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions preview -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_versions_rollback() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --to)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions rollback -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--to')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions rollback -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_versions_download() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color -O --output-file)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions download -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '-O'|'--output-file')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions download -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_versions_delete() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions delete -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion versions delete -- positional@0 "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sitectl_build() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --drafts --future --clean --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --out --cache-dir)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion build -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--out')
        return
        ;;
    '--cache-dir')
        return
        ;;
    esac
}

_sitectl_serve() {
    repeating_flags=()
    non_repeating_flags=(--watch --drafts --future --version -h --help)
    repeating_options=()
    non_repeating_options=(--port --host)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--port')
        return
        ;;
    '--host')
        return
        ;;
    esac
}

_sitectl_themes() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|validate|new)
        # Offer subcommand argument completions
        "_sitectl_themes_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list validate new' -- "${cur}"))
        ;;
    esac
}

_sitectl_themes_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion themes list -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_themes_validate() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion themes validate -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_themes_new() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --from --dir)
    __sitectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion themes new -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--from')
        return
        ;;
    '--dir')
        return
        ;;
    esac
}

_sitectl_tui() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --readonly --no-mouse --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion tui -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sitectl_doctor() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --quiet -q --yes -y --no-input --no-headers --fix --version -h --help)
    repeating_options=()
    non_repeating_options=(--context -c -H --host --output -o --config-dir --color --data-dir)
    __sitectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--context'|'-c')
        __sitectl_add_completions -W "$(__sitectl_custom_complete ---completion doctor -- --context "${COMP_CWORD}" "$(__sitectl_cursor_index_in_current_word)")"
        return
        ;;
    '-H'|'--host')
        return
        ;;
    '--output'|'-o')
        __sitectl_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''name'
        return
        ;;
    '--config-dir')
        return
        ;;
    '--color')
        __sitectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--data-dir')
        return
        ;;
    esac
}

_sitectl_version() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0
}

_sitectl_environment() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 0
}

_sitectl_completion() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options 1
}

_sitectl_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __sitectl_offer_flags_options -1
}

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

complete -o filenames -F _sitectl sitectl
