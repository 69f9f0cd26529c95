# Command-line tools (label `cli`): rhai-run's error display against golden stderr files,
# its -e / - / --help / --version, and rhai-repl fed through a pipe.
set(cli_dir ${CMAKE_CURRENT_LIST_DIR})

# errors/NAME.rhai -> errors/NAME.stderr without colour; errors/color/NAME.stderr with
# --color=always for the scripts that have one.
file(GLOB cli_error_scripts CONFIGURE_DEPENDS ${cli_dir}/errors/*.rhai)
foreach(script ${cli_error_scripts})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME cli/errors/${name}
    COMMAND bash ${cli_dir}/run_stderr.sh $<TARGET_FILE:rhai-run> ${name} ${name}.stderr --color=never)
  set_tests_properties(cli/errors/${name} PROPERTIES LABELS cli TIMEOUT 30)
  if(EXISTS ${cli_dir}/errors/color/${name}.stderr)
    add_test(NAME cli/errors/color/${name}
      COMMAND bash ${cli_dir}/run_stderr.sh $<TARGET_FILE:rhai-run> ${name} color/${name}.stderr --color=always)
    set_tests_properties(cli/errors/color/${name} PROPERTIES LABELS cli TIMEOUT 30)
  endif()
endforeach()

# cli_case(NAME REGEX SHELL-COMMAND): the command runs under sh with $1 = rhai-run and $2 =
# rhai-repl; its output followed by "rc=<exit status>" must match REGEX.
function(cli_case name regex command)
  add_test(NAME cli/${name}
    COMMAND sh -c "${command}; echo \"rc=$?\"" sh $<TARGET_FILE:rhai-run> $<TARGET_FILE:rhai-repl>)
  set_tests_properties(cli/${name} PROPERTIES LABELS cli TIMEOUT 30 PASS_REGULAR_EXPRESSION "${regex}")
endfunction()

cli_case(run_eval "^42\nhi\nrc=0\n$" "\"$1\" -e 'print(40 + 2)' --eval='print(\"hi\")'")
cli_case(run_stdin "^from stdin\nrc=0\n$" "echo 'print(\"from stdin\")' | \"$1\" -")
cli_case(run_stdin_error "^<stdin>: Runtime error: no \\(line 1, position 1\\)\n 1 \\| throw \"no\"\n   \\| \\^\nrc=1\n$"
  "echo 'throw \"no\"' | \"$1\" --color=never - 2>&1")
cli_case(run_eval_error_exit_1 "<cmdline>: Syntax error: .*rc=1\n$" "\"$1\" -e 'let = 1' 2>&1")
cli_case(run_version "^rhai-run [0-9]+\\.[0-9]+\\.[0-9]+\nrc=0\n$" "\"$1\" --version")
cli_case(run_help "^usage: rhai-run .*-e, --eval SCRIPT.*--version.*rc=0\n$" "\"$1\" --help")
cli_case(run_no_input_usage "no script file given.*usage: rhai-run.*rc=2\n$" "\"$1\" 2>&1")
cli_case(run_bad_color_usage "--color: expected auto, always or never.*rc=2\n$" "\"$1\" --color=sometimes x.rhai 2>&1")
cli_case(run_eval_missing_value "-e needs a value.*rc=2\n$" "\"$1\" -e 2>&1")

# rhai-repl with piped input: repl/NAME.in -> repl/NAME.out (+ repl/NAME.err) (run_repl.sh).
file(GLOB cli_repl_sessions CONFIGURE_DEPENDS ${cli_dir}/repl/*.in)
foreach(session ${cli_repl_sessions})
  get_filename_component(name ${session} NAME_WE)
  add_test(NAME cli/repl/${name} COMMAND bash ${cli_dir}/run_repl.sh $<TARGET_FILE:rhai-repl> ${name})
  set_tests_properties(cli/repl/${name} PROPERTIES LABELS cli TIMEOUT 30)
endforeach()
cli_case(repl_readme_example "^42\nrc=0\n$" "printf 'let x = 40;\\nx + 2\\n' | \"$2\"")
cli_case(repl_version "^rhai-repl [0-9]+\\.[0-9]+\\.[0-9]+\nrc=0\n$" "\"$2\" --version")
