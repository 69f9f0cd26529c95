// rhai-run [--dump] FILE... — runs each script with a fresh engine.
//
// print() goes to stdout (buffered, flushed at exit and before anything goes to stderr),
// debug() to stderr in Rhai's format. A script error is printed to stderr with its line and
// column and makes the exit status 1; usage errors exit 2. --dump prints the bytecode instead
// of running.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/compiler.hpp"
#include "packages/packages.hpp"
#include "vm/task.hpp"

namespace {

std::string out_buffer;

void flush_out() {
    std::fwrite(out_buffer.data(), 1, out_buffer.size(), stdout);
    std::fflush(stdout);
    out_buffer.clear();
}

// The engine setup rhai-run uses (the public rhai::Engine does the same).
struct RunEnv {
    rhai::EngineCore core;
    std::shared_ptr<const rhai::Program> prelude;
};

std::unique_ptr<RunEnv> make_env() {
    auto env = std::make_unique<RunEnv>();
    rhai::packages::register_standard_packages(env->core);
    env->core.on_print = [](std::string_view text) {
        out_buffer.append(text);
        out_buffer.push_back('\n');
        if (out_buffer.size() > (1 << 16)) flush_out();
    };
    env->core.on_debug = [](std::string_view text, std::string_view source, rhai::Position pos) {
        flush_out();
        std::string where;
        if (!source.empty()) where = std::string(source) + " @ ";
        if (!pos.is_none()) where += std::to_string(pos.line) + ":" + std::to_string(pos.column) + " | ";
        std::cerr << where << text << '\n';
    };
    const char* src = rhai::packages::prelude_source();
    if (src && *src) env->prelude = rhai::compiler::compile_source(src, env->core, "prelude");
    return env;
}

int run_file(const std::string& path, bool dump) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "rhai-run: cannot read " << path << '\n';
        return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    auto env = make_env();
    std::shared_ptr<const rhai::Program> program;
    try {
        program = rhai::compiler::compile_source(text, env->core, path);
    } catch (const rhai::ParseError& e) {
        flush_out();
        std::cerr << path << ": Syntax error: " << e.what() << '\n';
        return 1;
    }
    if (dump) {
        std::cout << rhai::compiler::disassemble(*program);
        return 0;
    }
    rhai::vm::Task task(env->core, program, env->prelude);
    rhai::vm::Status status = task.run();
    flush_out();
    if (status == rhai::vm::Status::Finished) return 0;
    if (status == rhai::vm::Status::Failed) {
        std::cerr << path << ": Runtime error: " << task.error().describe() << '\n';
        return 1;
    }
    std::cerr << path << ": a host function suspended the script: use eval_async\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    bool dump = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--dump") dump = true;
        else if (a == "-h" || a == "--help") {
            std::cout << "usage: rhai-run [--dump] FILE...\n";
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "rhai-run: unknown option " << a << "\nusage: rhai-run [--dump] FILE...\n";
            return 2;
        } else files.push_back(a);
    }
    if (files.empty()) {
        std::cerr << "usage: rhai-run [--dump] FILE...\n";
        return 2;
    }
    int rc = 0;
    for (auto& f : files) {
        int r = run_file(f, dump);
        if (r > rc) rc = r;
    }
    flush_out();
    return rc;
}
